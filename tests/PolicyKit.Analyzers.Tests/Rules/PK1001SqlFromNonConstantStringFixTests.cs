using System.Threading.Tasks;
using Fix = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<
    PolicyKit.Analyzers.Rules.PK1001SqlFromNonConstantStringAnalyzer,
    PolicyKit.CodeFixes.Rules.PK1001SqlFromNonConstantStringFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1001SqlFromNonConstantStringFixTests
{
    private const string Entities = """
        public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class ShopDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<User> Users => Set<User>();
        }
        """;

    [Fact]
    public Task Fix_from_sql_raw_becomes_from_sql_and_drops_the_quotes() => Fix.Fix(
        """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class UserQueries
        {
            public User? ByName(ShopDb db, string name, int id) =>
                db.Users.FromSqlRaw([|$"SELECT * FROM Users WHERE Name = '{name}' AND Id = {id}"|]).FirstOrDefault();
        }
        """ + Entities,
        """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class UserQueries
        {
            public User? ByName(ShopDb db, string name, int id) =>
                db.Users.FromSql($"SELECT * FROM Users WHERE Name = {name} AND Id = {id}").FirstOrDefault();
        }
        """ + Entities);

    [Fact]
    public Task Fix_execute_sql_raw_and_its_async_form_become_execute_sql() => Fix.Fix(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class Cleanup
        {
            public async Task Run(ShopDb db, string status, CancellationToken ct)
            {
                db.Database.ExecuteSqlRaw([|$"DELETE FROM Orders WHERE Status = N'{status}'"|]);
                await db.Database.ExecuteSqlRawAsync([|$"DELETE FROM Carts WHERE Status = '{status}'"|], ct);
            }
        }
        """ + Entities,
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class Cleanup
        {
            public async Task Run(ShopDb db, string status, CancellationToken ct)
            {
                db.Database.ExecuteSql($"DELETE FROM Orders WHERE Status = {status}");
                await db.Database.ExecuteSqlAsync($"DELETE FROM Carts WHERE Status = {status}", ct);
            }
        }
        """ + Entities);

    [Fact]
    public Task Fix_sql_query_raw_becomes_sql_query() => Fix.Fix(
        """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class Reports
        {
            public int[] Ids(ShopDb db, string region) =>
                db.Database.SqlQueryRaw<int>([|$"SELECT Id AS Value FROM Orders WHERE Region = '{region}'"|]).ToArray();
        }
        """ + Entities,
        """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class Reports
        {
            public int[] Ids(ShopDb db, string region) =>
                db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Orders WHERE Region = {region}").ToArray();
        }
        """ + Entities);

    [Fact]
    public Task Fix_sql_command_interpolation_becomes_parameters() => Fix.Fix(
        """
        using Microsoft.Data.SqlClient;

        public class Accounts
        {
            public object? Balance(SqlConnection connection, string account, Request request)
            {
                using var command = new SqlCommand([|$"SELECT Balance FROM Accounts WHERE No = '{account}' AND Branch = {request.Branch}"|], connection);
                return command.ExecuteScalar();
            }
        }

        public class Request { public int Branch { get; set; } }
        """,
        """
        using Microsoft.Data.SqlClient;

        public class Accounts
        {
            public object? Balance(SqlConnection connection, string account, Request request)
            {
                using var command = new SqlCommand("SELECT Balance FROM Accounts WHERE No = @account AND Branch = @p1", connection);
                command.Parameters.AddWithValue("@account", account);
                command.Parameters.AddWithValue("@p1", request.Branch);
                return command.ExecuteScalar();
            }
        }

        public class Request { public int Branch { get; set; } }
        """);

    [Fact]
    public Task Fix_command_text_concatenation_becomes_parameters() => Fix.Fix(
        """
        using Microsoft.Data.Sqlite;

        public class Notes
        {
            private const string Table = "notes";

            public SqliteDataReader Read(SqliteConnection connection, string owner, int year)
            {
                var command = connection.CreateCommand();
                command.CommandText = [|"SELECT * FROM " + Table + " WHERE owner = '" + owner + "' AND year = " + year|];
                return command.ExecuteReader();
            }
        }
        """,
        """
        using Microsoft.Data.Sqlite;

        public class Notes
        {
            private const string Table = "notes";

            public SqliteDataReader Read(SqliteConnection connection, string owner, int year)
            {
                var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {Table} WHERE owner = @owner AND year = @year";
                command.Parameters.AddWithValue("@owner", owner);
                command.Parameters.AddWithValue("@year", year);
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Fix_npgsql_command_in_a_using_block() => Fix.Fix(
        """
        using Npgsql;

        public class Orders
        {
            public object? Total(NpgsqlConnection connection, string customer)
            {
                using (var command = new NpgsqlCommand([|$"SELECT SUM(total) FROM orders WHERE customer = '{customer}'"|], connection))
                {
                    return command.ExecuteScalar();
                }
            }
        }
        """,
        """
        using Npgsql;

        public class Orders
        {
            public object? Total(NpgsqlConnection connection, string customer)
            {
                using (var command = new NpgsqlCommand("SELECT SUM(total) FROM orders WHERE customer = @customer", connection))
                {
                    command.Parameters.AddWithValue("@customer", customer);
                    return command.ExecuteScalar();
                }
            }
        }
        """);

    [Fact]
    public Task Fix_mysql_object_initializer() => Fix.Fix(
        """
        using MySqlConnector;

        public class Products
        {
            public MySqlDataReader List(MySqlConnection connection, string category)
            {
                var command = new MySqlCommand { Connection = connection, CommandText = [|"SELECT * FROM products WHERE category = '" + category + "'"|] };
                return command.ExecuteReader();
            }
        }
        """,
        """
        using MySqlConnector;

        public class Products
        {
            public MySqlDataReader List(MySqlConnection connection, string category)
            {
                var command = new MySqlCommand { Connection = connection, CommandText = "SELECT * FROM products WHERE category = @category" };
                command.Parameters.AddWithValue("@category", category);
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Fix_offers_nothing_for_a_hole_inside_a_like_pattern() => Fix.NoFix("""
        using Microsoft.Data.SqlClient;

        public class Search
        {
            public SqlDataReader Find(SqlConnection connection, string term)
            {
                var command = new SqlCommand([|$"SELECT * FROM Users WHERE Name LIKE '%{term}%'"|], connection);
                return command.ExecuteReader();
            }
        }
        """);

    [Fact]
    public Task Fix_offers_nothing_for_a_command_without_add_with_value() => Fix.NoFix("""
        using System.Data;

        public class Generic
        {
            public object? Count(IDbConnection connection, string name)
            {
                using IDbCommand command = connection.CreateCommand();
                command.CommandText = [|"SELECT COUNT(*) FROM Users WHERE Name = '" + name + "'"|];
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    public Task Fix_offers_nothing_for_concatenation_in_ef_or_raw_parameters() => Fix.NoFix("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public class UserQueries
        {
            public User? ByName(ShopDb db, string name, string table) =>
                db.Users.FromSqlRaw([|"SELECT * FROM Users WHERE Name = '" + name + "'"|]).FirstOrDefault()
                ?? db.Users.FromSqlRaw([|$"SELECT * FROM {table} WHERE Id = {{0}}"|], 1).FirstOrDefault();
        }
        """ + Entities);

    [Fact]
    public Task Fix_offers_nothing_for_an_unnamed_command() => Fix.NoFix("""
        using Microsoft.Data.SqlClient;

        public class Inline
        {
            public object? Run(SqlConnection connection, string name) =>
                new SqlCommand([|"SELECT Id FROM Users WHERE Name = '" + name + "'"|], connection).ExecuteScalar();
        }
        """);
}
