using System.Data.SqlClient;
using System.Web.Http;

namespace LegacyVendorShop.Controllers.Api
{
    [RoutePrefix("api/products")]
    public class ProductsController : ApiController
    {
        [HttpGet, Route("")]
        public IHttpActionResult Get()
        {
            return Ok(new[] { "tea", "coffee" });
        }

        [HttpDelete, Route("{id}")]
        public IHttpActionResult Delete(string id)
        {
            using (var connection = new SqlConnection("Server=db01;Database=Shop;User ID=shop_app;Password=Shop2019!"))
            {
                var command = new SqlCommand("DELETE FROM Products WHERE Sku = '" + id + "'", connection);
                connection.Open();
                command.ExecuteNonQuery();
            }

            return Ok();
        }
    }
}
