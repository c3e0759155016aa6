using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1001SqlFromNonConstantStringAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1001SqlFromNonConstantStringTests
{
    private const string Entities = """
        public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class ShopDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<User> Users => Set<User>();
        }
        """;

    // ---- EF Core -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_from_sql_raw_with_concatenation_in_a_controller() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        [ApiController, Route("users")]
        public class UsersController : ControllerBase
        {
            private readonly ShopDb _db;
            public UsersController(ShopDb db) => _db = db;

            [HttpGet]
            public IActionResult Find(string {|#1:name|}) =>
                Ok(_db.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}).ToList());
        }
        """ + Entities,
        // Taint (PK1001 integration): the action's parameter reaches the SQL, so the finding is an error with the source.
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("FromSqlRaw", "string concatenation"));

    [Fact]
    public Task Flags_from_sql_raw_with_an_interpolated_string() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class UserQueries
        {
            public User? ByName(ShopDb db, string name) =>
                db.Users.FromSqlRaw({|#0:$"SELECT * FROM Users WHERE Name = '{name}'"|}).FirstOrDefault();
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("FromSqlRaw", "an interpolated string"));

    [Fact]
    public Task Flags_execute_sql_raw_with_string_format() => Verify.Analyzer("""
        using System.Globalization;
        using Microsoft.EntityFrameworkCore;

        public class Cleanup
        {
            public int Purge(ShopDb db, string status) =>
                db.Database.ExecuteSqlRaw({|#0:string.Format(CultureInfo.InvariantCulture, "DELETE FROM Orders WHERE Status = '{0}'", status)|});
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("ExecuteSqlRaw", "string.Format"));

    [Fact]
    public Task Flags_execute_sql_raw_async_through_a_local() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class Archive
        {
            public async Task<int> Move(ShopDb db, int year, string table)
            {
                var sql = $"INSERT INTO Archive SELECT * FROM {table} WHERE Year = {year}";
                return await db.Database.ExecuteSqlRawAsync([|sql|]);
            }
        }
        """ + Entities);

    [Fact]
    public Task Flags_sql_query_raw_built_with_compound_assignment() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class Reports
        {
            public int[] Ids(ShopDb db, string? region)
            {
                var sql = "SELECT Id AS Value FROM Orders";
                if (region is not null)
                {
                    sql += " WHERE Region = '" + region + "'";
                }

                return db.Database.SqlQueryRaw<int>({|#0:sql|}).ToArray();
            }
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqlQueryRaw", "string concatenation"));

    // ---- Dapper --------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_dapper_query_with_interpolation() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class UserRepository
        {
            private readonly SqlConnection _connection;
            public UserRepository(SqlConnection connection) => _connection = connection;

            public IEnumerable<User> Search(string term) =>
                _connection.Query<User>({|#0:$"SELECT * FROM Users WHERE Name LIKE '%{term}%'"|});
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("Query", "an interpolated string"));

    [Fact]
    public Task Flags_dapper_execute_with_a_string_builder() => Verify.Analyzer("""
        using System.Data;
        using System.Text;
        using Dapper;

        public class BulkUpdater
        {
            public int Rename(IDbConnection connection, int id, string newName)
            {
                var sb = new StringBuilder();
                sb.Append("UPDATE Users SET Name = '");
                sb.Append(newName).Append("' WHERE Id = ");
                sb.Append(id);
                return connection.Execute({|#0:sb.ToString()|});
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Execute", "a StringBuilder"));

    [Fact]
    public Task Flags_dapper_query_first_async_with_string_concat() => Verify.Analyzer("""
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;

        public class Lookup
        {
            public Task<User?> ByEmail(IDbConnection connection, string email) =>
                connection.QueryFirstOrDefaultAsync<User?>({|#0:string.Concat("SELECT * FROM Users WHERE Email = '", email, "'")|});
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("QueryFirstOrDefaultAsync", "string.Concat"));

    [Fact]
    public Task Flags_dapper_command_definition() => Verify.Analyzer("""
        using System.Data;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;

        public class Deleter
        {
            public Task<int> Delete(IDbConnection connection, string table, CancellationToken ct) =>
                connection.ExecuteAsync(new CommandDefinition({|#0:"DELETE FROM " + table|}, cancellationToken: ct));
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("CommandDefinition", "string concatenation"));

    [Fact]
    public Task Flags_dapper_with_a_string_join_of_request_values() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Dapper;
        using Npgsql;

        public class Tags
        {
            public IEnumerable<int> Find(NpgsqlConnection connection, string[] tags) =>
                connection.Query<int>([|"SELECT id FROM posts WHERE tag IN ('" + string.Join("','", tags) + "')"|]);
        }
        """);

    // ---- ADO.NET -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_sql_command_constructor_with_concatenation() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;

        public class Accounts
        {
            public object? Balance(SqlConnection connection, string account)
            {
                using var command = new SqlCommand({|#0:"SELECT Balance FROM Accounts WHERE No = '" + account + "'"|}, connection);
                return command.ExecuteScalar();
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqlCommand", "string concatenation"));

    [Fact]
    public Task Flags_system_data_sqlclient_command_text_assignment() => Verify.Analyzer("""
        using System.Data.SqlClient;

        public class LegacyAccounts
        {
            public int Close(SqlConnection connection, string account)
            {
                var command = connection.CreateCommand();
                command.CommandText = {|#0:$"UPDATE Accounts SET Closed = 1 WHERE No = '{account}'"|};
                return command.ExecuteNonQuery();
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("CommandText", "an interpolated string"));

    [Fact]
    public Task Flags_sqlite_command_text_in_an_object_initializer() => Verify.Analyzer("""
        using Microsoft.Data.Sqlite;

        public class Notes
        {
            public SqliteDataReader Read(SqliteConnection connection, string owner)
            {
                var command = new SqliteCommand { Connection = connection, CommandText = [|"SELECT * FROM notes WHERE owner = '" + owner + "'"|] };
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Flags_idb_command_from_create_command() => Verify.Analyzer("""
        using System.Data;

        public class Generic
        {
            public object? Count(IDbConnection connection, string table)
            {
                using IDbCommand command = connection.CreateCommand();
                command.CommandText = [|"SELECT COUNT(*) FROM " + table|];
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    public Task Flags_npgsql_command_with_an_integer_hole() => Verify.Analyzer("""
        using Npgsql;

        public class Orders
        {
            public object? Total(NpgsqlConnection connection, int customerId)
            {
                using var command = new NpgsqlCommand([|$"SELECT SUM(total) FROM orders WHERE customer_id = {customerId}"|], connection);
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    public Task Flags_mysql_command_text_compound_assignment() => Verify.Analyzer("""
        using MySqlConnector;

        public class Products
        {
            public MySqlDataReader List(MySqlConnection connection, string? category)
            {
                var command = new MySqlCommand("SELECT * FROM products", connection);
                if (category != null)
                {
                    command.CommandText += {|#0:" WHERE category = '" + category + "'"|};
                }

                return command.ExecuteReader();
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("CommandText", "string concatenation"));

    [Fact]
    public Task Flags_sql_data_adapter_select_command_text() => Verify.Analyzer("""
        using System.Data;
        using Microsoft.Data.SqlClient;

        public class Export
        {
            public DataTable Load(SqlConnection connection, string customer)
            {
                var table = new DataTable();
                using var adapter = new SqlDataAdapter({|#0:"SELECT * FROM Invoices WHERE Customer = '" + customer + "'"|}, connection);
                adapter.Fill(table);
                return table;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqlDataAdapter", "string concatenation"));

    [Fact]
    public Task Flags_string_replace_of_a_template() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;

        public class Templates
        {
            private const string Template = "SELECT * FROM Users WHERE Name = '{name}'";

            public SqlDataReader Run(SqlConnection connection, string name)
            {
                var command = new SqlCommand([|Template.Replace("{name}", name)|], connection);
                return command.ExecuteReader();
            }
        }
        """);

    // ---- Through helpers and fields ------------------------------------------------------------------------

    [Fact]
    public Task Flags_sql_returned_by_a_private_helper() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;

        public class Customers
        {
            public SqlDataReader Find(SqlConnection connection, string city)
            {
                var command = new SqlCommand({|#0:BuildQuery(city)|}, connection);
                return command.ExecuteReader();
            }

            private static string BuildQuery(string city) => "SELECT * FROM Customers WHERE City = '" + city + "'";
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqlCommand", "string concatenation"));

    [Fact]
    public Task Flags_sql_returned_through_two_helpers() => Verify.Analyzer("""
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Audit
        {
            public int Count(SqlConnection connection, string user) =>
                connection.ExecuteScalar<int>([|Query(user)|]);

            private string Query(string user) => "SELECT COUNT(*) FROM Audit " + Where(user);

            private static string Where(string user) => $"WHERE UserName = '{user}'";
        }
        """);

    [Fact]
    public Task Flags_sql_returned_by_a_local_function() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Search
        {
            public IEnumerable<User> Run(SqlConnection connection, string column, string value)
            {
                return connection.Query<User>([|Sql()|]);

                string Sql() => $"SELECT * FROM Users WHERE {column} = '{value}'";
            }
        }
        """ + Entities);

    [Fact]
    public Task Flags_a_field_assigned_in_the_same_method() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;

        public class Paging
        {
            private string _sql = "";

            public SqlDataReader Page(SqlConnection connection, string orderBy)
            {
                _sql = "SELECT * FROM Items ORDER BY " + orderBy;
                var command = new SqlCommand([|_sql|], connection);
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Flags_a_call_site_of_a_pass_through_helper() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Db
        {
            private readonly SqlConnection _connection = new();

            public IEnumerable<T> Query<T>(string sql) => _connection.Query<T>(sql);

            public IEnumerable<User> ByName(string name) => Query<User>({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|});
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithArguments("Query", "string concatenation"));

    // ---- Request input used whole --------------------------------------------------------------------------

    [Fact]
    public Task Flags_minimal_api_lambda_with_interpolation() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;

        public static class Endpoints
        {
            public static void Map(WebApplication app) =>
                app.MapGet("/users/{name}", (string name, ShopDb db) =>
                    db.Users.FromSqlRaw([|$"SELECT * FROM Users WHERE Name = '{name}'"|]).ToList());
        }
        """ + Entities);

    [Fact]
    public Task Flags_minimal_api_lambda_running_request_text_whole() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;

        public static class AdminEndpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/admin/sql", (string {|#1:statement|}, ShopDb db) => db.Database.ExecuteSqlRaw({|#0:statement|}));
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("ExecuteSqlRaw", "a value taken from the request"));

    [Fact]
    public Task Flags_controller_action_running_request_text_whole() => Verify.Analyzer("""
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public class ReportController : Controller
        {
            private readonly SqlConnection _connection = new();

            [HttpPost]
            public IActionResult Run(string query) => Json(_connection.Query([|query|]));
        }
        """);

    // ---- EF6 (matched by name: System.Data.Entity.Database) ------------------------------------------------

    [Fact]
    public Task Flags_ef6_database_sql_query() => Verify.Analyzer("""
        using System.Linq;

        namespace System.Data.Entity
        {
            public class Database
            {
                public System.Collections.Generic.IEnumerable<T> SqlQuery<T>(string sql, params object[] parameters) => new T[0];
                public int ExecuteSqlCommand(string sql, params object[] parameters) => 0;
            }
        }

        public class LegacyRepository
        {
            public int[] Ids(System.Data.Entity.Database database, string name)
            {
                database.ExecuteSqlCommand({|#1:"DELETE FROM Users WHERE Name = '" + name + "'"|});
                return database.SqlQuery<int>({|#0:$"SELECT Id FROM Users WHERE Name = '{name}'"|}).ToArray();
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqlQuery", "an interpolated string"),
        Verify.Diagnostic().WithLocation(1).WithArguments("ExecuteSqlCommand", "string concatenation"));

    // ---- Negatives -----------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_parameterised_command() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;

        public class Accounts
        {
            public object? Balance(SqlConnection connection, string account)
            {
                using var command = new SqlCommand("SELECT Balance FROM Accounts WHERE No = @no", connection);
                command.Parameters.AddWithValue("@no", account);
                command.CommandText = "SELECT Balance FROM Accounts WHERE No = @no AND Open = 1";
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    public Task Ignores_const_concatenation_and_constant_holes() => Verify.NoDiagnostic("""
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Constants
        {
            private const string Table = "Users";
            private const string Columns = "Id, Name";
            private static readonly string Select = "SELECT " + Columns;

            public void Run(SqlConnection connection, int id)
            {
                connection.Execute("DELETE FROM " + Table + " WHERE Id = @id", new { id });
                connection.Query<int>($"SELECT Id FROM {Table} WHERE Name = @name", new { name = "x" });
                connection.Query<int>(Select + " FROM " + Table + $" ORDER BY {nameof(id)}");
                connection.Query<int>("SELECT 1" + System.Environment.NewLine + "FROM Users" + string.Empty);
            }
        }
        """);

    [Fact]
    public Task Ignores_ef_core_interpolated_apis() => Verify.NoDiagnostic("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class SafeQueries
        {
            public async Task Run(ShopDb db, string name)
            {
                _ = db.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();
                _ = db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
                db.Database.ExecuteSql($"DELETE FROM Users WHERE Name = {name}");
                db.Database.ExecuteSqlInterpolated($"DELETE FROM Users WHERE Name = {name}");
                await db.Database.ExecuteSqlAsync($"DELETE FROM Users WHERE Name = {name}");
                _ = db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Users WHERE Name = {name}").ToList();
                _ = db.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name).ToList();
            }
        }
        """ + Entities);

    [Fact]
    public Task Ignores_dapper_with_constant_sql_and_a_parameters_object() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class UserRepository
        {
            private const string ByNameSql = "SELECT * FROM Users WHERE Name = @name";

            public Task<IEnumerable<User>> ByName(SqlConnection connection, string name) =>
                connection.QueryAsync<User>(ByNameSql, new { name });

            public int Delete(SqlConnection connection, int id) =>
                connection.Execute(new CommandDefinition("DELETE FROM Users WHERE Id = @id", new { id }));
        }
        """ + Entities);

    [Fact]
    public Task Ignores_locals_built_only_from_constants() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;

        public class Filters
        {
            public SqlDataReader List(SqlConnection connection, string? name, bool activeOnly)
            {
                var sql = "SELECT * FROM Users WHERE 1 = 1";
                var command = new SqlCommand { Connection = connection };
                if (name != null)
                {
                    sql += " AND Name = @name";
                    command.Parameters.AddWithValue("@name", name);
                }

                sql = activeOnly ? sql + " AND Active = 1" : sql;
                command.CommandText = sql;
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Ignores_identifiers_chosen_by_a_switch_with_constant_arms() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Sorting
        {
            public IEnumerable<User> Sorted(SqlConnection connection, string sort, bool descending)
            {
                var column = sort switch
                {
                    "name" => "Name",
                    "created" => "CreatedAt",
                    _ => "Id",
                };
                var direction = descending ? "DESC" : "ASC";
                return connection.Query<User>($"SELECT * FROM Users ORDER BY {column} {direction}");
            }
        }
        """ + Entities);

    [Fact]
    public Task Ignores_a_pass_through_helper_and_its_constant_callers() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Db
        {
            private readonly SqlConnection _connection = new();

            public IEnumerable<T> Query<T>(string sql, object? args = null) => _connection.Query<T>(sql, args);

            public int Execute(string sql, object? args = null)
            {
                using var command = new SqlCommand(sql, _connection);
                return command.ExecuteNonQuery();
            }

            public IEnumerable<User> ByName(string name) => Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });

            public int Touch() => Execute("UPDATE Users SET Seen = 1");
        }
        """ + Entities);

    [Fact]
    public Task Ignores_dynamic_where_joined_from_constant_conditions() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Search
        {
            public IEnumerable<User> Find(SqlConnection connection, string? name, int? minAge)
            {
                var where = new List<string> { "1 = 1" };
                var args = new DynamicParameters();
                if (name != null) { where.Add("Name = @name"); args.Add("name", name); }
                if (minAge != null) { where.Add("Age >= @minAge"); args.Add("minAge", minAge); }
                var sql = "SELECT * FROM Users WHERE " + string.Join(" AND ", where);
                return connection.Query<User>(sql, args);
            }
        }
        """ + Entities);

    [Fact]
    public Task Flags_invariant_culture_interpolation() => Verify.Analyzer("""
        using System;
        using System.Globalization;
        using Microsoft.EntityFrameworkCore;

        public class Retention
        {
            public int Purge(ShopDb db, string table, int days) =>
                db.Database.ExecuteSqlRaw([|FormattableString.Invariant($"DELETE FROM {table} WHERE AgeDays > {days}")|]);

            public int Truncate(ShopDb db, string table) =>
                db.Database.ExecuteSqlRaw([|string.Create(CultureInfo.InvariantCulture, $"TRUNCATE TABLE {table}")|]);

            public int Fixed(ShopDb db) =>
                db.Database.ExecuteSqlRaw(FormattableString.Invariant($"DELETE FROM Logs WHERE AgeDays > {30}"));
        }
        """ + Entities);

    [Fact]
    public Task Ignores_an_in_list_of_generated_placeholders() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using System.Linq;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Orders
        {
            public SqlCommand ByIds(SqlConnection connection, IReadOnlyList<int> ids)
            {
                var names = ids.Select((_, i) => "@id" + i).ToList();
                var command = new SqlCommand("SELECT * FROM Orders WHERE Id IN (" + string.Join(", ", names) + ")", connection);
                for (var i = 0; i < ids.Count; i++) command.Parameters.AddWithValue(names[i], ids[i]);
                return command;
            }

            public IEnumerable<User> Named(SqlConnection connection, string[] userNames) =>
                connection.Query<User>("SELECT * FROM Users WHERE Name IN (" + string.Join(",", Enumerable.Range(0, userNames.Length).Select(i => $"@n{i}")) + ")",
                    new DynamicParameters(userNames.Select((n, i) => new KeyValuePair<string, object>("n" + i, n))));

            public int Positional(SqliteLikeConnection connection, int count) =>
                connection.Run("DELETE FROM Carts WHERE Id IN (" + string.Join(",", Enumerable.Repeat("?", count)) + ")");
        }

        public abstract class SqliteLikeConnection { public int Run(string sql) => new SqlCommand(sql).ExecuteNonQuery(); }
        """ + Entities);

    [Fact]
    public Task Flags_an_in_list_of_quoted_or_formatted_values() => Verify.Analyzer("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Data.SqlClient;

        public class Orders
        {
            public SqlCommand ByCodes(SqlConnection connection, IEnumerable<string> codes) =>
                new SqlCommand([|"SELECT * FROM Orders WHERE Code IN (" + string.Join(",", codes.Select(c => "'" + c + "'")) + ")"|], connection);

            public SqlCommand ByIds(SqlConnection connection, IEnumerable<int> ids) =>
                new SqlCommand([|"SELECT * FROM Orders WHERE Id IN (" + string.Join(",", ids.Select(i => i.ToString())) + ")"|], connection);
        }
        """);

    [Fact]
    public Task Ignores_a_string_builder_of_constants() => Verify.NoDiagnostic("""
        using System.Text;
        using Microsoft.Data.SqlClient;

        public class Builder
        {
            public SqlDataReader Run(SqlConnection connection, bool withOrders, string name)
            {
                var sb = new StringBuilder("SELECT u.* FROM Users u");
                if (withOrders)
                {
                    sb.Append(" JOIN Orders o ON o.UserId = u.Id");
                }

                sb.AppendLine().Append(" WHERE u.Name = @name");
                var command = new SqlCommand(sb.ToString(), connection);
                command.Parameters.AddWithValue("@name", name);
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Ignores_helpers_that_build_only_from_constants() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Repository<T>
        {
            private readonly SqlConnection _connection = new();

            public IEnumerable<T> All() => _connection.Query<T>(SelectFrom("Users"));

            public T? Get(int id) => _connection.QuerySingleOrDefault<T>($"SELECT * FROM {typeof(T).Name} WHERE Id = @id", new { id });

            public int Count() => _connection.ExecuteScalar<int>(CountSql);

            private static string SelectFrom(string table) => "SELECT * FROM " + table;

            private static string CountSql => "SELECT COUNT(*) FROM " + nameof(T);
        }
        """);

    [Fact]
    public Task Ignores_sql_from_configuration_or_files() => Verify.NoDiagnostic("""
        using System.IO;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public class Scripts
        {
            public int Migrate(SqlConnection connection, string path)
            {
                var script = File.ReadAllText(path);
                return connection.Execute(script);
            }
        }
        """);

    [Fact]
    public Task Ignores_string_building_that_never_reaches_sql() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;

        public class Greeter
        {
            public string Greet(ILogger logger, string name)
            {
                var text = "SELECT your seat, " + name;
                logger.LogInformation("{Text}", text);
                return $"Hello {name}";
            }
        }
        """);

    [Fact]
    public Task Ignores_non_request_parameters_of_controllers() => Verify.NoDiagnostic("""
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public class ReportController : ControllerBase
        {
            private readonly SqlConnection _connection = new();

            [HttpGet]
            public IActionResult Run(int id) => Ok(Load("SELECT * FROM Reports WHERE Id = @id", id));

            private object Load(string sql, int id) => _connection.Query(sql, new { id });
        }
        """);

    // ---- Taint from an entry point (severity raised to error, source as additional location) ----------------

    [Fact]
    public Task Flags_as_error_sql_built_from_a_query_value_in_a_razor_page() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.EntityFrameworkCore;

        public class SearchModel : PageModel
        {
            private readonly ShopDb _db;
            public SearchModel(ShopDb db) => _db = db;
            public User[] Results { get; private set; } = System.Array.Empty<User>();

            public void OnGet()
            {
                string term = {|#1:Request.Query|}["term"]!;
                Results = _db.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name LIKE '%" + term + "%'"|}).ToArray();
            }
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("FromSqlRaw", "string concatenation"));

    [Fact]
    public Task Flags_as_warning_sql_built_from_a_non_request_value() => Verify.Analyzer("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class Reports
        {
            private readonly ShopDb _db;
            public Reports(ShopDb db) => _db = db;
            public User[] ByTable(string table) => _db.Users.FromSqlRaw({|#0:"SELECT * FROM " + table|}).ToArray();
        }
        """ + Entities,
        Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("FromSqlRaw", "string concatenation"));
}
