using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Flow.Taint;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK9003: the injection analysis of a method stopped at one of its bounds (operation budget, call depth), so its
/// findings may be incomplete. Reported once per method, at its name, instead of a silent stall or a silent zero.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK9003AnalysisBudgetReachedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.AnalysisBudgetReached, RuleCategory.Policy, DiagnosticSeverity.Info, cwe: new int[0], controls: new string[0]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var engine = TaintEngine.For(start);
            var sql = SqlSinks.TryCreate(start.Compilation);
            if (engine is null && sql is null)
            {
                return;
            }

            var checker = new Checker(engine, sql, sql is null ? null : new StringOriginAnalysis(start.Compilation, engine?.Declared));
            start.RegisterOperationBlockStartAction(checker.Start);
        });
    }

    /// <summary>
    /// Repeats, per method, the walks the injection rules make (every sink of every kind, and the SQL string analysis
    /// of PK1001) and collects the limits they meet. Summaries and indexes are cached per compilation, so this costs
    /// the traces only.
    /// </summary>
    private sealed class Checker
    {
        private readonly TaintEngine? _engine;
        private readonly SqlSinks? _sql;
        private readonly StringOriginAnalysis? _strings;

        public Checker(TaintEngine? engine, SqlSinks? sql, StringOriginAnalysis? strings)
        {
            _engine = engine;
            _sql = sql;
            _strings = strings;
        }

        public void Start(OperationBlockStartAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            var state = new BlockState();
            context.RegisterOperationAction(
                c => Analyze(c, state),
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.Conversion);
            context.RegisterOperationBlockEndAction(c => Report(c, method, state));
        }

        private void Analyze(OperationAnalysisContext context, BlockState state)
        {
            var operation = context.Operation;
            if (operation is IConversionOperation { OperatorMethod: null })
            {
                return;
            }

            var limit = AnalysisLimit.None;
            if (_engine is not null)
            {
                limit |= Taint(_engine, operation, context.CancellationToken);
            }

            if (_strings is not null && _sql is not null && SqlValue(_sql, operation) is { } sql)
            {
                _strings.Analyze(sql, owner: null, out var stringLimit, context.CancellationToken);
                limit |= stringLimit;
            }

            if (limit != AnalysisLimit.None)
            {
                state.Add(limit);
            }
        }

        private static AnalysisLimit Taint(TaintEngine engine, IOperation operation, System.Threading.CancellationToken cancellationToken)
        {
            var budget = new WorkBudget(TaintEngine.OperationBudget, engine.Statistics, cancellationToken);
            var index = engine.IndexFor(SourceMethodBodies.Root(operation), budget);
            budget.Flush();

            var hits = new List<SinkHit>();
            engine.Sinks.Find(operation, SinkKind.All, index, hits);

            // A callee whose summary is incomplete matters only when request data goes into it.
            var callees = new WorkBudget(TaintEngine.OperationBudget, engine.Statistics, cancellationToken);
            engine.CalleeSinks(operation, SinkKind.All, depth: 1, hits, cancellationToken, callees);
            var limit = AnalysisLimit.None;
            if (callees.Limit != AnalysisLimit.None && CarriesInput(engine, operation, cancellationToken))
            {
                limit |= callees.Limit;
            }

            if (hits.Count == 0)
            {
                return limit;
            }

            if (index.Truncated)
            {
                limit |= AnalysisLimit.TaintOperations;
            }

            foreach (var hit in hits)
            {
                engine.Trace(hit.Value, out _, out var traced, cancellationToken);
                limit |= traced;
            }

            return limit;
        }

        private static bool CarriesInput(TaintEngine engine, IOperation call, System.Threading.CancellationToken cancellationToken)
        {
            var (instance, arguments) = call switch
            {
                IInvocationOperation invocation => (invocation.Instance, invocation.Arguments),
                IObjectCreationOperation creation => (null, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (instance is not null and not IInstanceReferenceOperation && engine.Trace(instance, cancellationToken).Kinds != SinkKind.None)
            {
                return true;
            }

            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && engine.Trace(argument.Value, cancellationToken).Kinds != SinkKind.None)
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? SqlValue(SqlSinks sinks, IOperation operation) => operation switch
        {
            IInvocationOperation invocation => sinks.SqlArgument(invocation)?.Value,
            IObjectCreationOperation creation => sinks.CommandTextArgument(creation)?.Value,
            IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment when sinks.IsCommandText(property) => assignment.Value,
            _ => null,
        };

        private static void Report(OperationBlockAnalysisContext context, IMethodSymbol method, BlockState state)
        {
            var limit = state.Limit;
            if (limit == AnalysisLimit.None)
            {
                return;
            }

            var location = method.Locations.Length > 0 && method.Locations[0].IsInSource
                ? method.Locations[0]
                : context.OperationBlocks.Length > 0 ? context.OperationBlocks[0].Syntax.GetLocation() : Location.None;

            // One note per method, naming the first bound met (operations before depth: it says the method itself is big).
            var (name, bound) = (limit & AnalysisLimit.TaintOperations) != 0 ? ("PK9003BudgetOperations", TaintEngine.OperationBudget)
                : (limit & AnalysisLimit.StringOperations) != 0 ? ("PK9003BudgetStringOperations", StringOriginAnalysis.OperationBudget)
                : ("PK9003BudgetDepth", TaintEngine.MaxDepth);
            context.Report(Rule, location, DisplayName(method), Text(name), bound.ToString(CultureInfo.InvariantCulture));
        }

        private static string DisplayName(IMethodSymbol method) =>
            method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor ? method.ContainingType.Name : method.Name;

        private static LocalizableString Text(string key) => new LocalizableResourceString(key, Resources.ResourceManager, typeof(Resources));
    }

    /// <summary>The limits met in one method body, gathered from concurrent operation callbacks.</summary>
    private sealed class BlockState
    {
        private int _limit;

        public AnalysisLimit Limit => (AnalysisLimit)System.Threading.Volatile.Read(ref _limit);

        public void Add(AnalysisLimit limit)
        {
            int current;
            do
            {
                current = System.Threading.Volatile.Read(ref _limit);
            }
            while (System.Threading.Interlocked.CompareExchange(ref _limit, current | (int)limit, current) != current);
        }
    }
}
