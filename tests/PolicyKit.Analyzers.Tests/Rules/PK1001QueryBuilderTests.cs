using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1001 where the SQL text is returned by a string helper declared in another file (a query builder).</summary>
public sealed class PK1001QueryBuilderTests
{
    private const string Builder = """
        using System.Collections.Generic;
        using System.Linq;

        public static class OrderSql
        {
            public const string Base = "SELECT Id, Total FROM Orders";

            public static string ByCustomer(string customer) => Base + " WHERE Customer = '" + customer + "'";

            public static string Where(IEnumerable<string> clauses) => Base + " WHERE " + string.Join(" AND ", clauses);

            public static string ByCustomerParameterised() => Base + " WHERE Customer = @customer";

            public static string Sorted(bool newest) => Base + (newest ? " ORDER BY Created DESC" : " ORDER BY Id");
        }
        """;

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Create(source);
        test.TestState.Sources.Add(("OrderSql.cs", Builder));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_sql_returned_by_a_builder_in_another_file() => Run("""
        using System.Collections.Generic;
        using System.Data;
        using Dapper;

        public class OrderReports
        {
            private readonly IDbConnection _db;
            public OrderReports(IDbConnection db) => _db = db;

            public IEnumerable<int> ForCustomer(string customer) => _db.Query<int>({|#0:OrderSql.ByCustomer(customer)|});
        }
        """, PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Diagnostic().WithLocation(0).WithArguments("Query", "string concatenation"));

    [Fact]
    public Task Ignores_constant_sql_returned_by_a_builder_in_another_file() => Run("""
        using System.Collections.Generic;
        using System.Data;
        using Dapper;

        public class OrderReports
        {
            private readonly IDbConnection _db;
            public OrderReports(IDbConnection db) => _db = db;

            public IEnumerable<int> ForCustomer(string customer) => _db.Query<int>(OrderSql.ByCustomerParameterised(), new { customer });

            public IEnumerable<int> All(bool newest) => _db.Query<int>(OrderSql.Sorted(newest));
        }
        """);
}
