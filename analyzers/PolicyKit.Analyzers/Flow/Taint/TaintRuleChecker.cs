using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Policy;

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

    private TaintRuleChecker(TaintEngine engine, DiagnosticDescriptor rule, SinkKind kind)
    {
        _engine = engine;
        _rule = rule;
        _kind = kind;
    }

    /// <summary>Registers the rule, unless the compilation has no request input (no ASP.NET Core).</summary>
    public static void Register(CompilationStartAnalysisContext start, DiagnosticDescriptor rule, SinkKind kind)
    {
        if (TaintEngine.For(start) is not { } engine)
        {
            return;
        }

        var checker = new TaintRuleChecker(engine, rule, kind);
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
            var taint = _engine.Trace(hit.Value, context.CancellationToken);
            if ((taint.Kinds & _kind) == SinkKind.None || taint.Origin is not { } origin
                || TaintGuards.IsGuarded(operation, hit.Value, _kind, index, _engine.Declared))
            {
                continue;
            }

            var additional = origin.Location.IsInSource ? new[] { origin.Location } : null;
            context.ReportWithLocations(_rule, hit.Value.Syntax.GetLocation(), additional, null, null, origin.Description, hit.Name);
        }
    }
}
