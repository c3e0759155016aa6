using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1001SqlFromNonConstantStringAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK1001 over .NET Framework ADO.NET (System.Data.dll) and EF6 shapes in WebForms, MVC 5 and Web API 2 code.</summary>
public sealed class PK1001SqlFromNonConstantStringLegacyTests
{
    private const string Entities = """
        public class Product { public int Id { get; set; } public string Name { get; set; } }
        public class ShopContext : System.Data.Entity.DbContext
        {
            public ShopContext() : base("ShopDb") { }
            public System.Data.Entity.DbSet<Product> Products { get; set; }
        }
        """;

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateLegacy(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Tainted(string sink, string how) =>
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(sink, how);

    [Fact]
    public Task Flags_sql_command_built_from_a_query_string_in_a_page() => Run("""
        using System.Data.SqlClient;
        using System.Web.UI;

        public class ProductPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                var id = {|#1:Request.QueryString|}["id"];
                using (var connection = new SqlConnection("Server=.;Database=Shop;Integrated Security=true"))
                using (var command = new SqlCommand({|#0:"SELECT * FROM Products WHERE Id = " + id|}, connection))
                {
                    connection.Open();
                    command.ExecuteReader();
                }
            }
        }
        """, Tainted("SqlCommand", "string concatenation"));

    [Fact]
    public Task Flags_sql_data_adapter_from_a_textbox() => Run("""
        using System.Data;
        using System.Data.SqlClient;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class SearchPage : Page
        {
            protected TextBox Keyword;
            protected GridView Results;

            protected void Search_Click(object sender, System.EventArgs e)
            {
                var table = new DataTable();
                var adapter = new SqlDataAdapter({|#0:"SELECT * FROM Products WHERE Name LIKE '%" + {|#1:Keyword.Text|} + "%'"|}, "Server=.;Database=Shop;Integrated Security=true");
                adapter.Fill(table);
                Results.DataSource = table;
            }
        }
        """, Tainted("SqlDataAdapter", "string concatenation"));

    [Fact]
    public Task Flags_oledb_command_text_from_an_mvc5_action_parameter() => Run("""
        using System.Data.OleDb;
        using System.Web.Mvc;

        public class ReportController : Controller
        {
            public ActionResult Sales(string {|#1:region|})
            {
                using (var connection = new OleDbConnection("Provider=Microsoft.ACE.OLEDB.12.0;Data Source=sales.accdb"))
                {
                    var command = connection.CreateCommand();
                    command.CommandText = {|#0:string.Format("SELECT * FROM Sales WHERE Region = '{0}'", region)|};
                    connection.Open();
                    command.ExecuteNonQuery();
                }

                return View();
            }
        }
        """, Tainted("CommandText", "string.Format"));

    [Fact]
    public Task Flags_odbc_command_with_an_interpolated_string() => Run("""
        using System.Data.Odbc;

        public class LegacyInventory
        {
            public int Remove(OdbcConnection connection, string sku)
            {
                var command = new OdbcCommand({|#0:$"DELETE FROM Stock WHERE Sku = '{sku}'"|}, connection);
                return command.ExecuteNonQuery();
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("OdbcCommand", "an interpolated string"));

    [Fact]
    public Task Flags_ef6_sql_query_from_a_web_api_parameter() => Run("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Web.Http;

        public class ProductsController : ApiController
        {
            private readonly ShopContext _db = new ShopContext();

            [HttpGet]
            public IEnumerable<Product> Search(string {|#1:name|})
            {
                return _db.Database.SqlQuery<Product>({|#0:"SELECT * FROM Products WHERE Name = '" + name + "'"|}).ToList();
            }
        }
        """ + Entities, Tainted("SqlQuery", "string concatenation"));

    [Fact]
    public Task Flags_ef6_execute_sql_command_and_db_set_sql_query() => Run("""
        using System.Linq;

        public class Maintenance
        {
            public void Purge(ShopContext db, string table, string name)
            {
                db.Database.ExecuteSqlCommand({|#0:"DELETE FROM " + table|});
                db.Products.SqlQuery({|#1:"SELECT * FROM Products WHERE Name = '" + name + "'"|}).ToList();
            }
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("ExecuteSqlCommand", "string concatenation"),
        Verify.Diagnostic().WithLocation(1).WithArguments("SqlQuery", "string concatenation"));

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_parameterised_sql_command_in_a_page() => Run("""
        using System.Data;
        using System.Data.SqlClient;
        using System.Web.UI;

        public class ProductPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                using (var connection = new SqlConnection("Server=.;Database=Shop;Integrated Security=true"))
                using (var command = new SqlCommand("SELECT * FROM Products WHERE Id = @id", connection))
                {
                    command.Parameters.Add("@id", SqlDbType.Int).Value = int.Parse(Request.QueryString["id"]);
                    connection.Open();
                    command.ExecuteReader();
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_constant_sql_data_adapter() => Run("""
        using System.Data;
        using System.Data.SqlClient;

        public class Catalog
        {
            private const string AllProducts = "SELECT Id, Name FROM Products";

            public DataTable Load(SqlConnection connection)
            {
                var table = new DataTable();
                new SqlDataAdapter(AllProducts, connection).Fill(table);
                return table;
            }
        }
        """);

    [Fact]
    public Task Ignores_oledb_command_with_positional_parameters() => Run("""
        using System.Data.OleDb;

        public class Orders
        {
            public int Close(OleDbConnection connection, string orderNo)
            {
                var command = new OleDbCommand("UPDATE Orders SET Closed = 1 WHERE OrderNo = ?", connection);
                command.Parameters.AddWithValue("orderNo", orderNo);
                return command.ExecuteNonQuery();
            }
        }
        """);

    [Fact]
    public Task Ignores_ef6_sql_query_with_parameters() => Run("""
        using System.Data.SqlClient;
        using System.Linq;

        public class ProductQueries
        {
            public Product ByName(ShopContext db, string name)
            {
                return db.Database.SqlQuery<Product>("SELECT * FROM Products WHERE Name = @name", new SqlParameter("@name", name)).FirstOrDefault();
            }
        }
        """ + Entities);

    [Fact]
    public Task Ignores_ef6_find_and_linq() => Run("""
        using System.Linq;
        using System.Web.Mvc;

        public class CatalogController : Controller
        {
            private readonly ShopContext _db = new ShopContext();

            public ActionResult Details(int id, string name)
            {
                var product = _db.Products.Find(id);
                return View(product);
            }
        }
        """ + Entities);

    [Fact]
    public Task Ignores_sql_built_from_constants_only() => Run("""
        using System.Data.SqlClient;

        public class Schema
        {
            private const string Table = "Products";

            public void Truncate(SqlConnection connection)
            {
                new SqlCommand("TRUNCATE TABLE " + Table, connection).ExecuteNonQuery();
            }
        }
        """);
}
