using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow.Taint;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Flow;

/// <summary>
/// The taint engine's bounds, asserted on its counters (not on wall time): a huge method stops at
/// <see cref="TaintEngine.OperationBudget"/> with a budget note, a long call chain stops at <see cref="TaintEngine.MaxDepth"/>.
/// </summary>
public sealed class TaintEngineBudgetTests
{
    [Fact]
    public void Reports_a_budget_hit_for_a_method_of_ten_thousand_statements()
    {
        var code = new StringBuilder("""
            using Microsoft.AspNetCore.Mvc;
            public class BigController : ControllerBase
            {
                public IActionResult Run(string input)
                {
                    var s0 = input;
            """);
        for (var i = 1; i < 10_000; i++)
        {
            code.Append("        var s").Append(i).Append(" = s").Append(i - 1).Append(" + \"x\";\n");
        }

        code.Append("        return Redirect(s9999);\n    }\n}\n");
        var (engine, model, tree) = Compile(code.ToString());

        var redirect = Invocation(model, tree, "Redirect");
        var taint = engine.Trace(redirect.Arguments[0].Value, CancellationToken.None);

        Assert.True(engine.Statistics.BudgetHits >= 1);
        Assert.True(engine.Statistics.OperationsVisited <= 2L * TaintEngine.OperationBudget, $"visited {engine.Statistics.OperationsVisited}");
        Assert.True(taint.IsClean); // a budget hit loses the finding; it never invents one

        var method = (IMethodSymbol)model.GetDeclaredSymbol(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single())!;
        var summary = engine.Summary(method, depth: 1, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.True(summary!.BudgetHit);
    }

    [Fact]
    public void Stops_a_call_chain_of_fifty_methods_at_the_depth_limit()
    {
        var code = new StringBuilder("""
            using Microsoft.AspNetCore.Mvc;
            public class ChainController : ControllerBase
            {
                public IActionResult Run(string name) { Chain.M0(name); return Ok(); }
            }
            public static class Chain
            {
            """);
        for (var i = 0; i < 49; i++)
        {
            code.Append("    public static void M").Append(i).Append("(string p) => M").Append(i + 1).Append("(p + \"/\");\n");
        }

        code.Append("    public static void M49(string p) => System.IO.File.Delete(p);\n}\n");
        var (engine, model, tree) = Compile(code.ToString());

        var call = Invocation(model, tree, "M0");
        var hits = new List<SinkHit>();
        engine.CalleeSinks(call, SinkKind.All, depth: 1, hits, CancellationToken.None);

        Assert.Empty(hits); // the sink is 50 calls away, beyond MaxDepth
        Assert.True(engine.Statistics.DepthLimitHits >= 1);
        Assert.True(engine.Statistics.SummariesComputed <= TaintEngine.MaxDepth, $"computed {engine.Statistics.SummariesComputed}");
        Assert.True(engine.Statistics.OperationsVisited <= (TaintEngine.MaxDepth + 1L) * TaintEngine.OperationBudget);
    }

    [Fact]
    public void Follows_a_call_chain_within_the_depth_limit()
    {
        var (engine, model, tree) = Compile("""
            using Microsoft.AspNetCore.Mvc;
            public class ChainController : ControllerBase
            {
                public IActionResult Run(string name) { Chain.M0(name); return Ok(); }
            }
            public static class Chain
            {
                public static void M0(string p) => M1(p.Trim());
                public static void M1(string p) => M2("/srv/" + p);
                public static void M2(string p) => System.IO.File.Delete(p);
            }
            """);

        var hits = new List<SinkHit>();
        engine.CalleeSinks(Invocation(model, tree, "M0"), SinkKind.All, depth: 1, hits, CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(SinkKind.Path, hit.Kind);
        Assert.Equal(0, engine.Statistics.DepthLimitHits);
    }

    private static (TaintEngine Engine, SemanticModel Model, SyntaxTree Tree) Compile(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create(
            "Budget", new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var engine = TaintEngine.For(compilation) ?? throw new Xunit.Sdk.XunitException("ASP.NET Core is referenced");
        return (engine, compilation.GetSemanticModel(tree), tree);
    }

    private static IInvocationOperation Invocation(SemanticModel model, SyntaxTree tree, string name)
    {
        var syntax = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .First(i => i.Expression.ToString().EndsWith(name, System.StringComparison.Ordinal));
        return (IInvocationOperation)model.GetOperation(syntax)!;
    }
}
