using System;
using System.Configuration;
using System.Data;
using System.Data.SqlClient;
using System.Web.UI;
using System.Web.UI.WebControls;

namespace LegacyVendorShop
{
    public partial class Search : Page
    {
        protected GridView Results;

        protected void Page_Load(object sender, EventArgs e)
        {
            string q = Request.QueryString["q"];
            Response.Write("<h2>Results for " + q + "</h2>");

            var table = new DataTable();
            var connection = ConfigurationManager.ConnectionStrings["ShopDb"].ConnectionString;
            var adapter = new SqlDataAdapter("SELECT Name, Price FROM Products WHERE Name LIKE '%" + q + "%'", connection);
            adapter.Fill(table);
            Results.DataSource = table;
            Results.DataBind();
        }
    }
}
