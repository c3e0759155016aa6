using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Flow.Taint;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1001: SQL text built from non-constant strings reaches a command, EF or Dapper sink (MIC-38, IPA-091, A.12.2.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1001SqlFromNonConstantStringAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.SqlFromNonConstantString, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 89 }, controls: new[] { "MIC-38", "IPA-091", "A.12.2.1" });

    /// <summary>Name of the diagnostic property holding the sink's name, read by the code fix.</summary>
    internal const string SinkProperty = "Sink";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (SqlSinks.TryCreate(start.Compilation) is not { } sinks)
            {
                return;
            }

            var taint = TaintEngine.For(start);

            // A data-access library need not reference ASP.NET Core (no taint engine): its declared sinks still count.
            var declared = taint?.Declared ?? DeclaredDataFlow.From(AnalyzerPolicy.Get(start).Policy.DataFlow);
            var checker = new Checker(sinks, new StringOriginAnalysis(start.Compilation, declared, taint is null ? null : taint.SemanticModelFor), new RequestEntryPoints(start.Compilation), taint, declared);
            start.RegisterOperationAction(checker.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(checker.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(checker.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        });
    }

    /// <summary>Per-compilation state: the sinks, the string analysis and the pass-through helper summaries.</summary>
    private sealed class Checker
    {
        private readonly SqlSinks _sinks;
        private readonly StringOriginAnalysis _origins;
        private readonly RequestEntryPoints _entryPoints;
        private readonly TaintEngine? _taint;
        private readonly DeclaredDataFlow? _declared;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), ulong> _passThrough = new(MethodBudgetKeyComparer.Instance);

        public Checker(SqlSinks sinks, StringOriginAnalysis origins, RequestEntryPoints entryPoints, TaintEngine? taint, DeclaredDataFlow? declared)
        {
            _declared = declared;
            _taint = taint;
            _sinks = sinks;
            _origins = origins;
            _entryPoints = entryPoints;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (_sinks.SqlArgument(invocation) is { } sql)
            {
                Check(context, sql, invocation.TargetMethod.Name);
                return;
            }

            if (_declared?.SqlArgument(invocation.TargetMethod, invocation.Arguments) is { } declared)
            {
                // An adopter's own data-access helper declared as a SQL sink in policykit.json (dataFlow.sinks).
                Check(context, declared, invocation.TargetMethod.Name);
                return;
            }

            // A helper in this file that hands one of its parameters, whole, to a sink (Execute(string sql) =>
            // conn.Execute(sql)) is silent itself; the SQL is judged where the helper is called.
            var method = invocation.TargetMethod;
            if (!HasStringParameter(method) || method.DeclaringSyntaxReferences.IsEmpty || invocation.SemanticModel is not { } model)
            {
                return;
            }

            var mask = PassThrough(method, model, StringOriginAnalysis.MaxHelperDepth, context.CancellationToken);
            if (mask == 0)
            {
                OtherFileHelper(context, invocation, model);
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && (mask & StringOrigin.BitFor(parameter.Ordinal)) != 0)
                {
                    Check(context, argument, method.Name);
                }
            }
        }

        /// <summary>
        /// A helper declared in another file (a repository, a SQL utility) or behind an interface, which hands one of
        /// its parameters whole to a SQL sink: judged at the call site, as for a helper in the same file. Its body is
        /// read through the taint engine, which owns the cross-tree semantic models (see TaintEngine remarks).
        /// </summary>
        private void OtherFileHelper(OperationAnalysisContext context, IInvocationOperation invocation, SemanticModel model)
        {
            var method = invocation.TargetMethod;
            if (_taint is null || !(InOtherTree(method, model.SyntaxTree) || IsInterfaceMethod(method)))
            {
                return;
            }

            ulong mask = 0;
            if (IsInterfaceMethod(method))
            {
                foreach (var implementation in _taint.ImplementationsOf(method, context.CancellationToken))
                {
                    mask |= PassThroughInItsFile(implementation, context.CancellationToken);
                }
            }
            else
            {
                mask = PassThroughInItsFile(method, context.CancellationToken);
            }

            if (mask == 0)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && (mask & StringOrigin.BitFor(parameter.Ordinal)) != 0)
                {
                    Check(context, argument, method.Name);
                }
            }
        }

        private ulong PassThroughInItsFile(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_taint is null || method.DeclaringSyntaxReferences.IsEmpty || !HasStringParameter(method))
            {
                return 0;
            }

            var model = _taint.SemanticModelFor(method.DeclaringSyntaxReferences[0].SyntaxTree);
            return PassThrough(method, model, StringOriginAnalysis.MaxHelperDepth, cancellationToken);
        }

        private static bool InOtherTree(IMethodSymbol method, SyntaxTree tree)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree)
                {
                    return false;
                }
            }

            return !method.DeclaringSyntaxReferences.IsEmpty;
        }

        private static bool IsInterfaceMethod(IMethodSymbol method) => method.IsAbstract && method.ContainingType?.TypeKind == TypeKind.Interface;

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_sinks.CommandTextArgument(creation) is { } text)
            {
                Check(context, text, creation.Type?.Name ?? "CommandText");
            }
            else if (creation.Constructor is { } constructor && _declared?.SqlArgument(constructor, creation.Arguments) is { } declared)
            {
                Check(context, declared, creation.Type?.Name ?? constructor.Name);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || !_sinks.IsCommandText(property))
            {
                return;
            }

            var origin = _origins.Analyze(assignment.Value, owner: null, context.CancellationToken);
            if (assignment is ICompoundAssignmentOperation && !origin.IsConstant && !origin.IsBuilt)
            {
                // CommandText += value: the += itself is the concatenation.
                origin = new StringOrigin(StringBuildKind.Concatenation, origin.Parameters, origin.HasOpaqueInput, parameter: null);
            }

            Report(context, assignment.Value, origin, property.Name);
        }

        private void Check(OperationAnalysisContext context, IArgumentOperation argument, string sink)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return;
            }

            Report(context, argument.Value, _origins.Analyze(argument.Value, owner: null, context.CancellationToken), sink);
        }

        private void Report(OperationAnalysisContext context, IOperation value, StringOrigin origin, string sink)
        {
            LocalizableString how;
            if (origin.IsBuilt)
            {
                how = Phrase(origin.Kind);
            }
            else if (origin.Kind == StringBuildKind.Parameter && origin.Parameter is { } parameter
                && _entryPoints.IsRequestString(parameter, value))
            {
                // The whole statement comes from the request: not a helper's pass-through, the worst case.
                how = Text("PK1001BuiltRequestValue");
            }
            else
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkProperty, sink);

            // IPA-091: built SQL is a warning on its own; request data proven to reach it is an exploitable injection,
            // so it becomes an error that points at the source as well.
            if (_taint?.Trace(value, context.CancellationToken) is { } taint && (taint.Kinds & SinkKind.Sql) != 0 && taint.Origin is { } source)
            {
                var additional = source.Location.IsInSource ? new[] { source.Location } : null;
                context.ReportWithLocations(Rule, value.Syntax.GetLocation(), additional, DiagnosticSeverity.Error, properties, sink, how);
                return;
            }

            context.Report(Rule, value.Syntax.GetLocation(), null, properties, sink, how);
        }

        /// <summary>Bit i set: parameter i of <paramref name="method"/> reaches a SQL sink whole (directly or via another helper).</summary>
        private ulong PassThrough(IMethodSymbol method, SemanticModel model, int budget, CancellationToken cancellationToken)
        {
            var key = (method.OriginalDefinition, budget);
            if (_passThrough.TryGetValue(key, out var cached))
            {
                return cached;
            }

            return _passThrough.GetOrAdd(key, ComputePassThrough(key.OriginalDefinition, model, budget, cancellationToken));
        }

        private ulong ComputePassThrough(IMethodSymbol method, SemanticModel model, int budget, CancellationToken cancellationToken)
        {
            // A helper in another file is read with its own tree's model (from the taint engine, when there is one),
            // so that the cached answer does not depend on where the helper was first called from.
            if (_taint is not null && InOtherTree(method, model.SyntaxTree))
            {
                model = _taint.SemanticModelFor(method.DeclaringSyntaxReferences[0].SyntaxTree);
            }

            if (budget <= 0 || SourceMethodBodies.Get(method, model, cancellationToken) is not { } body)
            {
                return 0;
            }

            ulong mask = 0;
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (_sinks.SqlArgument(invocation) is { } sql)
                        {
                            mask |= WholeParameter(sql.Value, method, cancellationToken);
                        }
                        else if (HasStringParameter(invocation.TargetMethod) && !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty
                            && !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
                        {
                            var inner = PassThrough(invocation.TargetMethod, model, budget - 1, cancellationToken);
                            foreach (var argument in invocation.Arguments)
                            {
                                if (inner != 0 && argument.Parameter is { } parameter && (inner & StringOrigin.BitFor(parameter.Ordinal)) != 0)
                                {
                                    mask |= WholeParameter(argument.Value, method, cancellationToken);
                                }
                            }
                        }

                        break;
                    case IObjectCreationOperation creation when _sinks.CommandTextArgument(creation) is { } text:
                        mask |= WholeParameter(text.Value, method, cancellationToken);
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment
                        when _sinks.IsCommandText(property):
                        mask |= WholeParameter(assignment.Value, method, cancellationToken);
                        break;
                }
            }

            return mask;
        }

        private ulong WholeParameter(IOperation value, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var origin = _origins.Analyze(value, method, cancellationToken);
            return origin.Kind == StringBuildKind.Parameter ? origin.Parameters : 0;
        }

        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        private static LocalizableString Phrase(StringBuildKind kind) => kind switch
        {
            StringBuildKind.Interpolation => Text("PK1001BuiltInterpolation"),
            StringBuildKind.Format => Text("PK1001BuiltFormat"),
            StringBuildKind.Concat => Text("PK1001BuiltConcat"),
            StringBuildKind.Join => Text("PK1001BuiltJoin"),
            StringBuildKind.Replace => Text("PK1001BuiltReplace"),
            StringBuildKind.StringBuilder => Text("PK1001BuiltStringBuilder"),
            _ => Text("PK1001BuiltConcatenation"),
        };

        private static LocalizableString Text(string key) => new LocalizableResourceString(key, Resources.ResourceManager, typeof(Resources));
    }
}
