using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Sanity;

#pragma warning disable RS1001, RS1025, RS1026, RS2008, RS1036, RS1038, RS1041, RS1032
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DummyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("X0001", "t", "m", "c", DiagnosticSeverity.Warning, true);
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(c =>
        {
            var i = (IInvocationOperation)c.Operation;
            if (i.TargetMethod.Name == "FromSqlRaw") c.ReportDiagnostic(Diagnostic.Create(Rule, i.Syntax.GetLocation()));
        }, OperationKind.Invocation);
    }
}

public sealed class SanityTests
{
    [Fact]
    public Task Compiles_against_ef_core_dapper_and_aspnetcore() => PolicyVerifier<DummyAnalyzer>.Analyzer("""
        using System.Linq;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Data.SqlClient;
        public class User { public int Id { get; set; } }
        public class Db : DbContext { public DbSet<User> Users => Set<User>(); }
        public class C : ControllerBase
        {
            public IActionResult Get(Db db, string name, SqlConnection c)
            {
                var q = [|db.Users.FromSqlRaw("select * from users where name = '" + name + "'")|].ToList();
                var d = c.Query<User>("select 1");
                return Ok(q);
            }
        }
        """);
}
