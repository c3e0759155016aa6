using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1001SqlFromNonConstantStringAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1001 on <c>DbDataSource.CreateCommand(sql)</c> (Npgsql, MySqlConnector): the command text is given at creation.</summary>
public sealed class PK1001DataSourceTests
{
    [Fact]
    public Task Flags_a_data_source_command_built_by_concatenation() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Npgsql;

        public class Stock
        {
            public async Task<object?> Level(NpgsqlDataSource source, string sku)
            {
                await using var command = source.CreateCommand({|#0:"SELECT level FROM stock WHERE sku = '" + sku + "'"|});
                return await command.ExecuteScalarAsync();
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("CreateCommand", "string concatenation"));

    [Fact]
    public Task Ignores_a_data_source_command_with_a_parameter() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Npgsql;

        public class Stock
        {
            public async Task<object?> Level(NpgsqlDataSource source, string sku)
            {
                await using var command = source.CreateCommand("SELECT level FROM stock WHERE sku = $1");
                command.Parameters.AddWithValue(sku);
                var empty = source.CreateCommand();
                empty.Dispose();
                return await command.ExecuteScalarAsync();
            }
        }
        """);
}
