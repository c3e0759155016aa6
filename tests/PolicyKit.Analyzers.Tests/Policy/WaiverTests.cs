using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Policy;

/// <summary>Waivers: an active one suppresses visibly, an expired one is PK9002 and suppresses nothing.</summary>
public sealed class WaiverTests
{
    private const string WeakHashCode = """
        using System.Security.Cryptography;
        namespace Contoso.Legacy
        {
            public class EtagService
            {
                public byte[] Etag(byte[] body) => MD5.HashData(body);
            }
        }
        """;

    private static string Policy(string expires, string scope = "\"path\": \"**/App/*.cs\"") => $$"""
        {
          "waivers": [
            { "rule": "PK4001", {{scope}},
              "justification": "ETag only, not a security use",
              "approver": "情報システム部 山田", "expires": "{{expires}}" }
          ]
        }
        """;

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Run(string? policy) =>
        PolicyRun.DiagnosticsAsync(WeakHashCode, policy, new PK4001WeakHashAnalyzer(), new WaiverSuppressor(), new PK9002WaiverExpiredAnalyzer());

    [Fact]
    public async Task Without_a_waiver_the_finding_is_reported()
    {
        var diagnostic = Assert.Single(await Run(null));

        Assert.Equal("PK4001", diagnostic.Id);
        Assert.False(diagnostic.IsSuppressed);
    }

    [Fact]
    public async Task An_active_waiver_suppresses_the_finding_and_carries_justification_approver_and_expiry()
    {
        var diagnostic = Assert.Single(await Run(Policy("2999-12-31")));

        Assert.Equal("PK4001", diagnostic.Id);
        Assert.True(diagnostic.IsSuppressed);
        Assert.Equal("ETag only, not a security use", diagnostic.Properties[PolicyDiagnostic.WaiverJustification]);
        Assert.Equal("情報システム部 山田", diagnostic.Properties[PolicyDiagnostic.WaiverApprover]);
        Assert.StartsWith("3000-01-01T00:00:00", diagnostic.Properties[PolicyDiagnostic.WaiverExpires], System.StringComparison.Ordinal);
        Assert.Equal("**/App/*.cs", diagnostic.Properties[PolicyDiagnostic.WaiverScope]);
    }

    [Fact]
    public async Task A_waiver_scoped_to_a_symbol_suppresses_findings_inside_that_type()
    {
        var diagnostic = Assert.Single(await Run(Policy("2999-12-31", "\"symbol\": \"Contoso.Legacy.EtagService\"")));

        Assert.True(diagnostic.IsSuppressed);
    }

    [Fact]
    public async Task A_waiver_for_another_path_or_symbol_suppresses_nothing()
    {
        Assert.False(Assert.Single(await Run(Policy("2999-12-31", "\"path\": \"src/Other/**\""))).IsSuppressed);
        Assert.False(Assert.Single(await Run(Policy("2999-12-31", "\"symbol\": \"Contoso.Legacy.EtagServiceV2\""))).IsSuppressed);
    }

    [Fact]
    public async Task An_expired_waiver_is_reported_as_PK9002_and_no_longer_suppresses()
    {
        var diagnostics = await Run(Policy("2020-03-31"));

        var finding = Assert.Single(diagnostics, d => d.Id == "PK4001");
        Assert.False(finding.IsSuppressed);
        Assert.False(finding.Properties.ContainsKey(PolicyDiagnostic.WaiverRule));
        var expired = Assert.Single(diagnostics, d => d.Id == "PK9002");
        Assert.Equal(PolicyRun.PolicyPath, expired.Location.GetLineSpan().Path);
        Assert.Equal(2, expired.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("PK4001", expired.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("2020-04-01", expired.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_aware_severity_raises_a_warning_to_an_error_for_internet_facing_applications()
    {
        const string code = """
            using Microsoft.Data.SqlClient;
            class Repo { void Find(SqlConnection c, string name) { var cmd = new SqlCommand("select * from t where n = '" + name + "'", c); } }
            """;

        var plain = Assert.Single(await PolicyRun.DiagnosticsAsync(code, null, new PK1001SqlFromNonConstantStringAnalyzer()));
        var facing = Assert.Single(await PolicyRun.DiagnosticsAsync(code, """{ "application": { "internetFacing": true } }""", new PK1001SqlFromNonConstantStringAnalyzer()));

        Assert.Equal(DiagnosticSeverity.Warning, plain.Severity);
        Assert.Equal(DiagnosticSeverity.Error, facing.Severity);
    }
}
