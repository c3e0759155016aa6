using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK4003 across methods: a helper with a neutral name returns a value drawn from System.Random
/// (<c>RandomStrings.Alphanumeric(10)</c>), and a caller uses that result as a secret (<c>NewInvitationCode</c>).
/// The helper may sit in another file, so helpers and callers are matched when the compilation ends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK4003RandomHelperCallAnalyzer : DiagnosticAnalyzer
{
    // PK4003 itself, reported when the compilation ends (its descriptor carries the CompilationEnd tag), so the id
    // is shared with PK4003InsecureRandomnessAnalyzer on purpose.
#pragma warning disable RS1019
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.InsecureRandomness,
        RuleCategory.Cryptography,
        DiagnosticSeverity.Warning,
        cwe: new[] { 330, 338 },
        controls: new[] { "MN-15", "MIC-69", "A.11.2.3" },
        reportedAtCompilationEnd: true);
#pragma warning restore RS1019

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (PK4003InsecureRandomnessAnalyzer.Analysis.Create(start.Compilation) is not { } analysis)
            {
                return;
            }

            var calls = new CallsToHelpers(analysis);
            start.RegisterOperationAction(calls.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterCompilationEndAction(calls.ReportAtEnd);
        });
    }

    private sealed class CallsToHelpers
    {
        private readonly PK4003InsecureRandomnessAnalyzer.Analysis analysis;
        private readonly ConcurrentDictionary<IMethodSymbol, byte> helpers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<Call> calls = new();

        public CallsToHelpers(PK4003InsecureRandomnessAnalyzer.Analysis analysis) => this.analysis = analysis;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (analysis.IsRandomDraw(method))
            {
                // A draw whose flow ends, unnamed, in the helper's result (not compared, not a delay, not a colour);
                // a draw PK4003InsecureRandomnessAnalyzer reports itself ends in a secret name, not a neutral one.
                if (context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } helper && ReturnsText(helper.ReturnType)
                    && analysis.FindTarget(invocation, helper, allowText: true) is { Name: not null, Kind: SecurityNameKind.Neutral }
                    && SecurityNames.Classify(helper.Name) == SecurityNameKind.Neutral)
                {
                    helpers.TryAdd(helper.OriginalDefinition, 0);
                }

                return;
            }

            if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.IsEmpty || !ReturnsText(method.ReturnType))
            {
                return;
            }

            var target = analysis.FindTarget(invocation, context.ContainingSymbol, allowText: true);
            if (target is { Kind: SecurityNameKind.SecurityValue, Name: { } name })
            {
                calls.Enqueue(new Call(method.OriginalDefinition, invocation.Syntax.GetLocation(), context.ContainingSymbol, name));
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            foreach (var call in calls)
            {
                if (helpers.ContainsKey(call.Helper))
                {
                    context.Report(Rule, call.Location, call.Caller, null, null, "System.Random (via " + call.Helper.ContainingType?.Name + "." + call.Helper.Name + ")", call.Name);
                }
            }
        }

        // Strings, characters and integers: what a code, token or PIN is made of.
        private static bool ReturnsText(ITypeSymbol type) => type.SpecialType is SpecialType.System_String or SpecialType.System_Int32
            or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte };

        private sealed class Call
        {
            public Call(IMethodSymbol helper, Location location, ISymbol caller, string name)
            {
                Helper = helper;
                Location = location;
                Caller = caller;
                Name = name;
            }

            public IMethodSymbol Helper { get; }

            public Location Location { get; }

            public ISymbol Caller { get; }

            public string Name { get; }
        }
    }
}
