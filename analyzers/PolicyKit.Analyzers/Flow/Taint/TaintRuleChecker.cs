using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The body of every taint rule (PK1002–PK1005): on each invocation, creation, assignment and conversion, find the
/// sinks of one kind (directly, or inside a called method of this compilation), trace each value back, and report a
/// value that carries request data and is not guarded, with the source as additional location.
/// </summary>
internal sealed class TaintRuleChecker
{
    private readonly TaintEngine _engine;
    private readonly DiagnosticDescriptor _rule;
    private readonly SinkKind _kind;
    private readonly bool _markup;

    private TaintRuleChecker(TaintEngine engine, DiagnosticDescriptor rule, SinkKind kind, bool markup)
    {
        _engine = engine;
        _rule = rule;
        _kind = kind;
        _markup = markup;
    }

    /// <summary>Registers the rule, unless the compilation has no request input (no ASP.NET Core).</summary>
    /// <param name="start">The compilation start context.</param>
    /// <param name="rule">The rule reported.</param>
    /// <param name="kind">The sinks it checks.</param>
    /// <param name="markup">
    /// Whether the rule also checks Razor markup: the analyzer then configures generated-code analysis and this checker
    /// skips every generated tree except the Razor generator's output (<see cref="RazorGeneratedCode"/>).
    /// </param>
    public static void Register(CompilationStartAnalysisContext start, DiagnosticDescriptor rule, SinkKind kind, bool markup = false)
    {
        if (TaintEngine.For(start) is not { } engine)
        {
            return;
        }

        var checker = new TaintRuleChecker(engine, rule, kind, markup);
        start.RegisterOperationAction(
            checker.Analyze,
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.SimpleAssignment,
            OperationKind.Conversion);
    }

    private void Analyze(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (operation is IConversionOperation { OperatorMethod: null })
        {
            return;
        }

        var inRazor = false;
        if (context.IsGeneratedCode)
        {
            inRazor = _markup && RazorGeneratedCode.Is(operation.Syntax.SyntaxTree);
            if (!inRazor)
            {
                return;
            }
        }

        List<SinkHit>? hits = null;
        var root = SourceMethodBodies.Root(operation);
        var budget = new WorkBudget(TaintEngine.OperationBudget, _engine.Statistics, context.CancellationToken);
        var index = _engine.IndexFor(root, budget);
        budget.Flush();

        hits = new List<SinkHit>(1);
        _engine.Sinks.Find(operation, _kind, index, hits);
        _engine.CalleeSinks(operation, _kind, depth: 1, hits, context.CancellationToken);
        foreach (var hit in hits)
        {
            // In Razor output, only the C# written in the markup is the developer's; the rest is the generator's plumbing.
            if (inRazor && !RazorGeneratedCode.IsInMarkup(hit.Value.Syntax.GetLocation()))
            {
                continue;
            }

            var taint = _engine.Trace(hit.Value, context.CancellationToken);
            if ((taint.Kinds & _kind) == SinkKind.None || taint.Origin is not { } origin
                || TaintGuards.IsGuarded(operation, hit.Value, _kind, index, _engine.Declared))
            {
                if (inRazor && MarkupSinks.IsUnencodedData(hit, _engine))
                {
                    // IPA Web 5-(i): in a view, a value the developer marks as HTML (@Html.Raw(Model.Comment)) is output
                    // unescaped whatever its origin — stored data is the classic stored-XSS source.
                    context.ReportWithLocations(_rule, hit.Value.Syntax.GetLocation(), null, null, null, MarkupSinks.Describe(hit.Value), hit.Name);
                }

                continue;
            }

            var additional = origin.Location.IsInSource ? new[] { origin.Location } : null;
            context.ReportWithLocations(_rule, hit.Value.Syntax.GetLocation(), additional, null, null, origin.Description, hit.Name);
        }
    }
}
