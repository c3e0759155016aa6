using System.Configuration;
using System.Data;
using System.Data.SqlClient;
using System.Web.Mvc;

namespace LegacyVendorShop.Controllers
{
    public class OrdersController : Controller
    {
        public ActionResult Index(string customer)
        {
            var table = new DataTable();
            var connection = ConfigurationManager.ConnectionStrings["ShopDb"].ConnectionString;
            using (var adapter = new SqlDataAdapter("SELECT * FROM Orders WHERE Customer = '" + customer + "'", connection))
            {
                adapter.Fill(table);
            }

            return View(table);
        }

        [HttpPost]
        public ActionResult Cancel(int id)
        {
            using (var connection = new SqlConnection(ConfigurationManager.ConnectionStrings["ShopDb"].ConnectionString))
            using (var command = new SqlCommand("UPDATE Orders SET Status = 'Cancelled' WHERE Id = @id", connection))
            {
                command.Parameters.AddWithValue("@id", id);
                connection.Open();
                command.ExecuteNonQuery();
            }

            return RedirectToAction("Index");
        }
    }
}
