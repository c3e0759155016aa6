using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1001 through a SQL helper declared in another file: the taint summaries say which parameter reaches a sink.</summary>
public sealed class PK1001CrossFileHelperTests
{
    private const string Repository = """
        using Microsoft.Data.SqlClient;

        public interface IRawSql { int Execute(string sql); }

        public sealed class OrderRepository : IRawSql
        {
            private readonly SqlConnection _connection;
            public OrderRepository(SqlConnection connection) => _connection = connection;

            public int Execute(string sql)
            {
                using var command = new SqlCommand(sql, _connection);
                return command.ExecuteNonQuery();
            }

            public int Count(string sql, int limit)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                return limit;
            }
        }
        """;

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Create(source);
        test.TestState.Sources.Add(("OrderRepository.cs", Repository));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_sql_built_for_a_helper_class_in_another_file() => Run("""
        public class ReportService
        {
            private readonly OrderRepository _orders;
            public ReportService(OrderRepository orders) => _orders = orders;

            public int Purge(string status) => _orders.Execute({|#0:"delete from Orders where Status = '" + status + "'"|});
        }
        """, PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Diagnostic().WithLocation(0).WithArguments("Execute", "string concatenation"));

    [Fact]
    public Task Flags_sql_built_for_a_helper_behind_an_interface_in_another_file() => Run("""
        public class ArchiveService
        {
            private readonly IRawSql _sql;
            public ArchiveService(IRawSql sql) => _sql = sql;

            public int Archive(int year, string table) => _sql.Execute({|#0:$"insert into Archive select * from {table} where Year = {year}"|});
        }
        """, PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Diagnostic().WithLocation(0).WithArguments("Execute", "an interpolated string"));

    [Fact]
    public Task Ignores_constant_sql_and_values_that_never_reach_a_sink() => Run("""
        public class ReportService
        {
            private readonly OrderRepository _orders;
            public ReportService(OrderRepository orders) => _orders = orders;

            public int Purge() => _orders.Execute("delete from Orders where Status = 'cancelled'");

            public int Count(string sql) => _orders.Count("select count(*) from Orders", sql.Length);
        }
        """);
}
