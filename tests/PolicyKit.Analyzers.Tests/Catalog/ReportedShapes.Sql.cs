using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1001SqlFromNonConstantStringAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// SQL-injection shapes from peers' trackers (PK1001): string-built SQL that taint-first tools missed because they
/// could not see a source, did not model a sink or lost the value across a call; and parameterised or constant SQL
/// that they flagged.
/// </summary>
public sealed class ReportedShapesSql
{
    private const string Shop = """
        public class Book { public int Id { get; set; } public string Isbn { get; set; } = ""; public string Title { get; set; } = ""; }
        public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class ShopDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public ShopDb(Microsoft.EntityFrameworkCore.DbContextOptions<ShopDb> options) : base(options) { }
            public Microsoft.EntityFrameworkCore.DbSet<Book> Books => Set<Book>();
            public Microsoft.EntityFrameworkCore.DbSet<Customer> Customers => Set<Customer>();
        }
        """;

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/150", "Security Code Scan SCS0035",
        ReportedAs.FalseNegative, "EF Core FromSqlRaw with an action parameter concatenated into the query")]
    public Task Flags_from_sql_raw_concatenating_an_action_parameter() => Verify.Flags("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        [ApiController, Route("api/books")]
        public class BooksController : ControllerBase
        {
            private readonly ShopDb _db;
            public BooksController(ShopDb db) => _db = db;

            [HttpGet("by-isbn/{isbn}")]
            public IActionResult ByIsbn(string isbn) =>
                Ok(_db.Books.FromSqlRaw({|#0:"SELECT * FROM Books WHERE Isbn = '" + isbn + "'"|}).ToList());
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/207", "Security Code Scan SCS0002",
        ReportedAs.FalseNegative, "SqlCommand built by concatenation in a repository method, no recognised source (.NET Core)")]
    public Task Flags_a_concatenated_command_in_a_repository_without_any_source() => Verify.Flags("""
        using System.Threading.Tasks;
        using Microsoft.Data.SqlClient;

        public sealed class ProductRepository
        {
            private readonly string _connectionString;
            public ProductRepository(string connectionString) => _connectionString = connectionString;

            public async Task<string?> NameOf(string productNumber)
            {
                await using var connection = new SqlConnection(_connectionString);
                await connection.OpenAsync();
                await using var command = new SqlCommand({|#0:"SELECT Name FROM SalesLT.Product WHERE ProductNumber = " + productNumber|}, connection);
                return (string?)await command.ExecuteScalarAsync();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/217", "Security Code Scan SCS0002",
        ReportedAs.FalseNegative, "table name concatenated into SQL in a private static helper that also adds parameters")]
    public Task Flags_a_table_name_concatenated_next_to_real_parameters() => Verify.Flags("""
        using System.Data;
        using System.Data.SqlClient;

        internal static class GeoLookup
        {
            internal static string? CountryOf(string connectionString, long ip, string table)
            {
                var sql = "SELECT Country FROM " + table + " WHERE @ip BETWEEN RangeStart AND RangeEnd";
                using var connection = new SqlConnection(connectionString);
                connection.Open();
                using var command = new SqlCommand({|#0:sql|}, connection) { CommandType = CommandType.Text };
                command.Parameters.AddWithValue("@ip", ip);
                return command.ExecuteScalar() as string;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/157", "Security Code Scan SCS0026",
        ReportedAs.FalseNegative, "System.Data.SqlClient SqlCommand constructor given a LIKE pattern built from a local")]
    public Task Flags_a_like_pattern_built_into_a_local_then_given_to_the_constructor() => Verify.Flags("""
        using System.Collections.Generic;
        using System.Data.SqlClient;

        public sealed class CustomerSearch
        {
            public IReadOnlyList<string> Names(SqlConnection connection, string fragment)
            {
                string query = "SELECT TOP 10 Name FROM Customers WHERE Name LIKE '%" + fragment + "%'";
                var names = new List<string>();
                using var command = new SqlCommand({|#0:query|}, connection);
                using var reader = command.ExecuteReader();
                while (reader.Read()) names.Add(reader.GetString(0));
                return names;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet/efcore/issues/35735", "CA3001 / EF1002",
        ReportedAs.FalseNegative, "ExecuteSqlRawAsync with a request DTO property concatenated, zero warnings")]
    public Task Flags_execute_sql_raw_async_concatenating_a_request_property() => Verify.Flags("""
        using System.Threading;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/customers/purge", async (PurgeRequest request, ShopDb db, CancellationToken ct) =>
        {
            var rows = await db.Database.ExecuteSqlRawAsync(
                {|#0:"DELETE FROM Customers WHERE Name = '" + request.NameSearch + "'"|}, ct);
            return Results.Ok(rows);
        });
        app.Run();

        public sealed record PurgeRequest(string NameSearch);
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/dotnet/efcore/pull/38208", "EF1002/EF1003",
        ReportedAs.FalseNegative, "raw SQL built with explicit string.Format / string.Concat calls was silently allowed")]
    public Task Flags_raw_sql_built_with_string_format_and_string_concat() => Verify.Flags("""
        using System.Globalization;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class CustomerMaintenance
        {
            private readonly ShopDb _db;
            public CustomerMaintenance(ShopDb db) => _db = db;

            public int Rename(int id, string name) =>
                _db.Database.ExecuteSqlRaw({|#0:string.Format(CultureInfo.InvariantCulture, "UPDATE Customers SET Name = '{0}' WHERE Id = {1}", name, id)|});

            public Customer? ByName(string name) =>
                _db.Customers.FromSqlRaw({|#1:string.Concat("SELECT * FROM Customers WHERE Name = '", name, "'")|}).FirstOrDefault();
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/9536", "CodeQL cs/sql-injection",
        ReportedAs.FalseNegative, "SqlDataAdapter given a concatenated SELECT, then Fill")]
    public Task Flags_a_data_adapter_given_a_concatenated_select() => Verify.Flags("""
        using System.Data;
        using Microsoft.Data.SqlClient;

        public sealed class PriceList
        {
            public DataSet ForCategory(string connectionString, string category)
            {
                using var connection = new SqlConnection(connectionString);
                var query = "SELECT Item, Price FROM Product WHERE ItemCategory = '" + category + "' ORDER BY Price";
                using var adapter = new SqlDataAdapter({|#0:query|}, connection);
                var result = new DataSet();
                adapter.Fill(result);
                return result;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/165", "Security Code Scan SCS0035",
        ReportedAs.FalseNegative, "the concatenating call lives in a plain class the controller delegates to (inter-procedural)")]
    public Task Flags_sql_built_in_a_helper_class_the_controller_delegates_to() => Verify.Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class AuditController : Controller
        {
            private readonly AuditQueries _queries;
            public AuditController(AuditQueries queries) => _queries = queries;

            [HttpPost]
            public IActionResult Clear(string user)
            {
                _queries.ClearFor(user);
                return RedirectToAction("Index");
            }
        }
        """ + Shop, files: ("AuditQueries.cs", """
        using Microsoft.EntityFrameworkCore;

        public class AuditQueries
        {
            private readonly ShopDb _db;
            public AuditQueries(ShopDb db) => _db = db;

            public void ClearFor(string user) =>
                _db.Database.ExecuteSqlRaw({|#0:"DELETE FROM AuditLog WHERE UserName = '" + user + "'"|});
        }
        """));

    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/7303", "CA3001",
        ReportedAs.FalseNegative, "request data passed through an interface to an implementation that builds the SQL")]
    public Task Flags_sql_built_behind_an_injected_interface() => Verify.Flags("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/reports")]
        public class ReportsController : ControllerBase
        {
            private readonly IReportStore _store;
            public ReportsController(IReportStore store) => _store = store;

            [HttpGet("{region}")]
            public IActionResult Totals(string region) => Ok(_store.TotalsFor(region));
        }
        """, files: ("SqlReportStore.cs", """
        using Microsoft.Data.SqlClient;

        public interface IReportStore { decimal TotalsFor(string region); }

        public sealed class SqlReportStore : IReportStore
        {
            private readonly SqlConnection _connection;
            public SqlReportStore(SqlConnection connection) => _connection = connection;

            public decimal TotalsFor(string region)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = {|#0:$"SELECT SUM(Total) FROM Orders WHERE Region = '{region}'"|};
                return (decimal)command.ExecuteScalar();
            }
        }
        """));

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/3292", "SonarC# S2077",
        ReportedAs.FalseNegative, "concatenated SQL tracked through locals into a command constructor and CommandText")]
    public Task Flags_concatenated_sql_copied_through_locals() => Verify.Flags("""
        using Microsoft.Data.SqlClient;

        public sealed class UserImport
        {
            public void Insert(SqlConnection connection, string name)
            {
                string statement = "INSERT INTO Users (Name) VALUES ('" + name + "')";
                string pending = statement;
                using var command = new SqlCommand({|#0:pending|}, connection);
                command.ExecuteNonQuery();
                command.CommandText = {|#1:pending|};
                command.ExecuteNonQuery();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/pull/72", "Security Code Scan SCS0026",
        ReportedAs.FalseNegative, "CommandText assigned through the IDbCommand interface from CreateCommand()")]
    public Task Flags_command_text_assigned_through_idbcommand() => Verify.Flags("""
        using System.Data;

        public sealed class LegacyLedger
        {
            public object? Balance(IDbConnection connection, string account)
            {
                IDbCommand command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT Balance FROM Ledger WHERE Account = '" + account + "'"|};
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/DapperLib/DapperAOT/issues/35", "Dapper.AOT analyzer",
        ReportedAs.FalseNegative, "Dapper QueryFirst with an interpolated or concatenated data value")]
    public Task Flags_dapper_queries_with_interpolated_and_concatenated_values() => Verify.Flags("""
        using System.Data;
        using Dapper;

        public sealed class CustomerReader
        {
            private readonly IDbConnection _connection;
            public CustomerReader(IDbConnection connection) => _connection = connection;

            public Customer ById(string id) =>
                _connection.QueryFirst<Customer>({|#0:$"SELECT * FROM Customers WHERE Id = {id}"|});

            public Customer ByName(string name) =>
                _connection.QueryFirst<Customer>({|#1:"SELECT * FROM Customers WHERE Name = '" + name + "'"|});
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/DapperLib/DapperAOT/issues/55", "Dapper.AOT analyzer",
        ReportedAs.FalseNegative, "query text passed to QueryAsync through a string variable is not examined")]
    public Task Flags_dapper_query_text_passed_through_a_variable() => Verify.Flags("""
        using System.Collections.Generic;
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;

        public sealed record Symbol(string Ticker, string Exchange);

        public sealed class SymbolStore
        {
            private readonly IDbConnection _connection;
            public SymbolStore(IDbConnection connection) => _connection = connection;

            public async Task<IEnumerable<Symbol>> OnExchange(string exchange)
            {
                var sql = "SELECT Ticker, Exchange FROM Symbol WHERE Exchange = '" + exchange + "'";
                return await _connection.QueryAsync<Symbol>({|#0:sql|});
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/167", "Security Code Scan SCS0035",
        ReportedAs.FalsePositive, "ExecuteSqlInterpolated with an interpolated parameter (sent as a DbParameter) flagged")]
    public Task Ignores_execute_sql_interpolated() => Verify.Silent("""
        using Microsoft.EntityFrameworkCore;

        public sealed class CustomerCleanup
        {
            private readonly ShopDb _db;
            public CustomerCleanup(ShopDb db) => _db = db;

            public int Forget(string name) =>
                _db.Database.ExecuteSqlInterpolated($"DELETE FROM Customers WHERE Name = {name}");
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/4735", "CA2100",
        ReportedAs.FalsePositive, "a local constant interpolated into CommandText next to a real @parameter flagged")]
    public Task Ignores_a_constant_interpolated_next_to_a_parameter() => Verify.Silent("""
        using System.Data;
        using Microsoft.Data.SqlClient;

        public sealed class StockQuery
        {
            public SqlCommand Create(int warehouse)
            {
                const int ActiveStatus = 10;
                var command = new SqlCommand();
                command.Parameters.Add("@warehouse", SqlDbType.Int).Value = warehouse;
                command.CommandText = $@"
                    SELECT * FROM Stock
                    WHERE Status = {ActiveStatus}
                      AND Warehouse = @warehouse";
                return command;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/pumasecurity/puma-scan/issues/67", "Puma Scan SEC0108",
        ReportedAs.FalsePositive, "a constant stored-procedure name passed to the raw SQL API flagged as concatenation")]
    public Task Ignores_a_constant_procedure_name() => Verify.Silent("""
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public sealed class NightlyJobs
        {
            private const string ProcedureName = "dbo.RebuildSearchIndex";
            private readonly ShopDb _db;
            public NightlyJobs(ShopDb db) => _db = db;

            public Task<int> RebuildAsync() => _db.Database.ExecuteSqlRawAsync(ProcedureName);
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/4336", "CA2100",
        ReportedAs.FalsePositive, "stored-procedure name checked against an allow-list, CommandType.StoredProcedure, flagged")]
    public Task Ignores_an_allow_listed_stored_procedure_name() => Verify.Silent("""
        using System;
        using System.Collections.Generic;
        using System.Data;
        using Microsoft.Data.SqlClient;

        public static class ProcedureRunner
        {
            private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "dbo.CloseDay", "dbo.OpenDay" };

            public static void Run(string connectionString, string name, IEnumerable<SqlParameter> parameters)
            {
                if (!Allowed.Contains(name)) throw new ArgumentOutOfRangeException(nameof(name), "Unknown procedure");
                using var connection = new SqlConnection(connectionString);
                using var command = new SqlCommand(name, connection) { CommandType = CommandType.StoredProcedure };
                foreach (var parameter in parameters) command.Parameters.Add(parameter);
                connection.Open();
                command.ExecuteNonQuery();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet/EntityFramework.Docs/issues/1127", "EF Core analyzer (EF1000)",
        ReportedAs.FalsePositive, "FromSql with an interpolated string (parameterised by EF) still warned as embedding data")]
    public Task Ignores_from_sql_and_sql_query_with_interpolation() => Verify.Silent("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class PopularBooks
        {
            private readonly ShopDb _db;
            public PopularBooks(ShopDb db) => _db = db;

            public List<Book> ForReader(string reader) =>
                _db.Books.FromSql($"EXECUTE dbo.MostPopularBooksForReader {reader}").ToList();

            public List<int> IdsAbove(int year) =>
                _db.Database.SqlQuery<int>($"SELECT Id FROM Books WHERE Year > {year}").ToList();
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/n24q02m/wet-mcp/pull/1347", "Jules Sentinel SAST (SQL injection)",
        ReportedAs.FalsePositive, "IN-clause placeholders generated from the list's length, every value bound, reported as injection")]
    public Task Flags_quoted_values_but_not_generated_placeholders_in_an_in_list() => Verify.Flags("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Data.SqlClient;

        public sealed class BasketQueries
        {
            public SqlCommand ByIds(SqlConnection connection, IReadOnlyList<int> ids)
            {
                var names = ids.Select((_, i) => "@id" + i).ToList();
                var command = new SqlCommand("SELECT * FROM Baskets WHERE Id IN (" + string.Join(", ", names) + ")", connection);
                for (var i = 0; i < ids.Count; i++) command.Parameters.AddWithValue(names[i], ids[i]);
                return command;
            }

            public SqlCommand ByOwners(SqlConnection connection, IEnumerable<string> owners) =>
                new SqlCommand({|#0:"SELECT * FROM Baskets WHERE Owner IN (" + string.Join(",", owners.Select(o => "'" + o + "'")) + ")"|}, connection);
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet/efcore/issues/10080", "EF Core raw SQL API design",
        ReportedAs.FalseNegative, "an interpolated SQL string first stored in a string variable reaches the raw overload unparameterised")]
    public Task Flags_an_interpolated_sql_string_stored_before_the_raw_call() => Verify.Flags("""
        using System;
        using Microsoft.EntityFrameworkCore;

        public sealed class SessionCleanup
        {
            private readonly ShopDb _db;
            public SessionCleanup(ShopDb db) => _db = db;

            public int Expire(string userName)
            {
                var sql = $"DELETE FROM Sessions WHERE UserName = '{userName}'";
                return _db.Database.ExecuteSqlRaw({|#0:sql|});
            }

            public int ExpireInvariant(string userName, DateTime before) =>
                _db.Database.ExecuteSqlRaw({|#1:FormattableString.Invariant($"DELETE FROM Sessions WHERE UserName = '{userName}' AND Created < '{before:O}'")|});
        }
        """ + Shop);

    [Fact]
    [ReportedShape("https://github.com/dotnet/efcore/issues/13273", "EF Core analyzer (EF1000)",
        ReportedAs.FalsePositive, "a FormattableString variable passed to the interpolated API (parameterised) reported as unsafe")]
    public Task Ignores_a_formattable_string_variable_given_to_execute_sql() => Verify.Silent("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public sealed class CustomerMerge
        {
            private readonly ShopDb _db;
            public CustomerMerge(ShopDb db) => _db = db;

            public Task<int> Merge(int from, int into, string reason)
            {
                FormattableString sql = $"EXEC dbo.MergeCustomers @From = {from}, @Into = {into}, @Reason = {reason}";
                return _db.Database.ExecuteSqlAsync(sql);
            }
        }
        """ + Shop);
}
