using System;
using System.Configuration;
using System.Data;
using System.Data.OleDb;
using System.Data.SqlClient;
using System.Web.UI;
using System.Web.UI.WebControls;

namespace LegacyCorpus.Data
{
    /// <summary>Order search (WebForms): ADO.NET against SQL Server and an Access catalogue.</summary>
    public partial class OrderSearchPage : Page
    {
        protected TextBox CustomerBox;
        protected TextBox StatusBox;
        protected DropDownList SortList;
        protected GridView OrdersGrid;

        private static string ShopDb => ConfigurationManager.ConnectionStrings["ShopDb"].ConnectionString;

        protected void Page_Load(object sender, EventArgs e)
        {
            if (!IsPostBack)
            {
                return;
            }

            using (var connection = new SqlConnection(ShopDb))
            {
                var sql = "SELECT OrderId, Total, Status FROM Orders WHERE CustomerName = '" + CustomerBox.Text + "'";
                var command = new SqlCommand(sql, connection); // vuln:PK1001 text box concatenated into the query
                connection.Open();
                OrdersGrid.DataSource = command.ExecuteReader();
                OrdersGrid.DataBind();
            }
        }

        protected void SearchByStatus_Click(object sender, EventArgs e)
        {
            using (var connection = new SqlConnection(ShopDb))
            using (var command = new SqlCommand("SELECT OrderId, Total FROM Orders WHERE Status = @status", connection)) // safe:PK1001 parameterised
            {
                command.Parameters.AddWithValue("@status", StatusBox.Text);
                connection.Open();
                OrdersGrid.DataSource = command.ExecuteReader();
                OrdersGrid.DataBind();
            }
        }

        protected void Sort_Changed(object sender, EventArgs e)
        {
            var table = new DataTable();
            var adapter = new SqlDataAdapter(string.Format("SELECT OrderId, Total FROM Orders ORDER BY {0}", Request.QueryString["sort"]), ShopDb); // vuln:PK1001 ORDER BY from the query string
            adapter.Fill(table);
            OrdersGrid.DataSource = table;
            OrdersGrid.DataBind();
        }

        protected void SortSafe_Changed(object sender, EventArgs e)
        {
            // The sort column comes from a fixed list, never from the request text.
            var column = SortList.SelectedIndex == 1 ? "Total" : "OrderId";
            var table = new DataTable();
            var adapter = new SqlDataAdapter("SELECT OrderId, Total FROM Orders ORDER BY " + column, ShopDb); // safe:PK1001 column chosen from constants
            adapter.Fill(table);
            OrdersGrid.DataSource = table;
            OrdersGrid.DataBind();
        }

        protected void Export_Click(object sender, EventArgs e)
        {
            using (var connection = new SqlConnection(ShopDb))
            {
                var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM ExportQueue WHERE BatchId = " + Request.Form["batch"]; // vuln:PK1001 form field in CommandText
                connection.Open();
                command.ExecuteNonQuery();
            }
        }

        protected void ExportSafe_Click(object sender, EventArgs e)
        {
            using (var connection = new SqlConnection(ShopDb))
            {
                var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM ExportQueue WHERE BatchId = @batch"; // safe:PK1001 parameter
                command.Parameters.Add("@batch", SqlDbType.Int).Value = int.Parse(Request.Form["batch"]);
                connection.Open();
                command.ExecuteNonQuery();
            }
        }

        protected void Catalogue_Click(object sender, EventArgs e)
        {
            using (var connection = new OleDbConnection(ConfigurationManager.ConnectionStrings["LegacyAccess"].ConnectionString))
            {
                var command = new OleDbCommand("SELECT Sku, Title FROM Products WHERE Title LIKE '%" + CustomerBox.Text + "%'", connection); // vuln:PK1001 OLE DB LIKE built from input
                connection.Open();
                OrdersGrid.DataSource = command.ExecuteReader();
                OrdersGrid.DataBind();
            }
        }

        protected void CatalogueSafe_Click(object sender, EventArgs e)
        {
            using (var connection = new OleDbConnection(ConfigurationManager.ConnectionStrings["LegacyAccess"].ConnectionString))
            {
                var command = new OleDbCommand("SELECT Sku, Title FROM Products WHERE Title LIKE ?", connection); // safe:PK1001 positional OLE DB parameter
                command.Parameters.AddWithValue("title", "%" + CustomerBox.Text + "%");
                connection.Open();
                OrdersGrid.DataSource = command.ExecuteReader();
                OrdersGrid.DataBind();
            }
        }
    }
}
