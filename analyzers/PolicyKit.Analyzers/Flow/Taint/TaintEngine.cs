using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The taint analysis shared by PK1001–PK1005, one per compilation (all five analyzers get the same instance, so a
/// method is summarised once). A sink's value is walked back to its sources inside its body (<see cref="TaintWalker"/>);
/// calls to methods declared in the compilation are followed through summaries (<see cref="MethodSummary"/>): which
/// parameters reach the return value and which reach which sink kinds. Summaries are computed on demand, cached in a
/// <see cref="ConcurrentDictionary{TKey,TValue}"/> per method and remaining depth, at most <see cref="MaxDepth"/> calls
/// deep, each walk within <see cref="OperationBudget"/> operations, and honour cancellation.
/// </summary>
/// <remarks>
/// Design (RS1030): a callee in another file needs that file's operation tree. The alternative, recording every body
/// during the run and resolving at compilation end, would hold every operation tree of the compilation in memory and
/// report only at build end (never live in the IDE). Instead the engine asks the compilation for a callee's semantic
/// model on demand, once per tree (cached here), and binds only the callee's body, only when a call to it is on a
/// path being traced. Cost stays bounded by depth × budget per method.
/// </remarks>
internal sealed class TaintEngine
{
    /// <summary>How many calls deep summaries follow.</summary>
    public const int MaxDepth = 5;

    /// <summary>Operations one walk (a sink's trace, a method's summary, including its index) may visit.</summary>
    public const int OperationBudget = 20_000;

    private static readonly ConditionalWeakTable<Compilation, Holder> Engines = new();

    /// <summary>The methods whose summaries this thread is computing, outermost first: tells recursion from a long chain.</summary>
    [ThreadStatic]
    private static List<IMethodSymbol>? s_computing;

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConditionalWeakTable<IOperation, DefinitionIndex> _indexes = new();
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), MethodSummary> _summaries = new(MethodBudgetKeyComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> _constructorAssigned = new(SymbolEqualityComparer.Default);
    private volatile List<INamedTypeSymbol>? _sourceTypes;

    private TaintEngine(Compilation compilation, DeclaredDataFlow? declared)
    {
        Compilation = compilation;
        Declared = declared;
        Sources = new TaintSources(this, compilation);
        Sinks = new TaintSinks(SqlSinks.TryCreate(compilation), declared);
        Stored = new StoredValues(this);
    }

    public Compilation Compilation { get; }

    /// <summary>The adopter's own sources, sinks, sanitizers and guards (policykit.json <c>dataFlow</c>), if any.</summary>
    public DeclaredDataFlow? Declared { get; }

    public TaintSources Sources { get; }

    public TaintSinks Sinks { get; }

    /// <summary>Request data parked in Session/TempData by another action of the same type.</summary>
    public StoredValues Stored { get; }

    /// <summary>Counts of this compilation's analysis: operations visited, budget and depth-limit hits, summaries.</summary>
    public TaintStatistics Statistics { get; } = new();

    /// <summary>
    /// The engine of <paramref name="compilation"/>, or null when it does not reference ASP.NET Core (no request
    /// input exists, so nothing can be tainted).
    /// </summary>
    public static TaintEngine? For(Compilation compilation) => For(compilation, declared: null);

    /// <summary>The engine of the compilation being analysed, honouring the <c>dataFlow</c> declarations of its policy.</summary>
#pragma warning disable RS1012 // reads only; the caller registers the actions that use the engine
    public static TaintEngine? For(CompilationStartAnalysisContext context) =>
        For(context.Compilation, DeclaredDataFlow.From(AnalyzerPolicy.Get(context).Policy.DataFlow));
#pragma warning restore RS1012

    private static TaintEngine? For(Compilation compilation, DeclaredDataFlow? declared) =>
        Engines.GetValue(compilation, c => new Holder(
            WellKnownTypes.Get(c, "Microsoft.AspNetCore.Http.HttpRequest") is null && WellKnownTypes.Get(c, "System.Web.HttpRequest") is null
                ? null : new TaintEngine(c, declared))).Engine;

    /// <summary>The taint of <paramref name="value"/> in entry mode: request-bound parameters and reads are sources.</summary>
    public TaintValue Trace(IOperation value, CancellationToken cancellationToken) => Trace(value, out _, cancellationToken);

    public TaintValue Trace(IOperation value, out DefinitionIndex index, CancellationToken cancellationToken) =>
        Trace(value, out index, out _, cancellationToken);

    /// <summary>As <see cref="Trace(IOperation, CancellationToken)"/>, also saying which limits the trace met (PK9003).</summary>
    public TaintValue Trace(IOperation value, out DefinitionIndex index, out AnalysisLimit limit, CancellationToken cancellationToken)
    {
        var budget = new WorkBudget(OperationBudget, Statistics, cancellationToken);
        index = IndexFor(SourceMethodBodies.Root(value), budget);
        var result = new TaintWalker(this, index, owner: null, depth: 0, budget).Visit(value);
        budget.Flush();
        limit = budget.Limit | (index.Truncated ? AnalysisLimit.TaintOperations : AnalysisLimit.None);
        return result;
    }

    /// <summary>The definition index of a body, built once per operation tree.</summary>
    /// <remarks>
    /// The index is built within a budget of its own, never the caller's: otherwise a walk would have less budget when
    /// it happened to build the index than when another walk had, and results (and PK9003 notes) would depend on the
    /// order in which concurrent callbacks ran.
    /// </remarks>
    public DefinitionIndex IndexFor(IOperation root, WorkBudget budget) =>
        _indexes.TryGetValue(root, out var index) ? index : _indexes.GetValue(root, r => DeferredIndex(r, budget.CancellationToken));

    private DefinitionIndex DeferredIndex(IOperation root, CancellationToken cancellationToken) =>
        DefinitionIndex.Deferred(root, () => new WorkBudget(OperationBudget, Statistics, cancellationToken), own => own.Flush());

    /// <summary>Whether calls to <paramref name="method"/> can be followed into a body of this compilation.</summary>
    public bool CanSummarize(IMethodSymbol method) =>
        !method.DeclaringSyntaxReferences.IsEmpty && !method.IsExtern
        && (!method.IsAbstract || method.ContainingType is { TypeKind: TypeKind.Interface })
        && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet or MethodKind.Constructor;

    /// <summary>A property whose getter has a body of its own (not an auto-property).</summary>
    public bool HasComputedBody(IPropertySymbol property)
    {
        if (property.GetMethod is not { } getter || getter.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is PropertyDeclarationSyntax declaration
                && (declaration.ExpressionBody is not null || HasAccessorBody(declaration.AccessorList)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAccessorBody(AccessorListSyntax? accessors)
    {
        if (accessors is null)
        {
            return false;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The summary of <paramref name="method"/> as seen from a call <paramref name="depth"/> levels below the traced
    /// body; null when its body cannot be read or the chain is deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public MethodSummary? Summary(IMethodSymbol method, int depth, CancellationToken cancellationToken) =>
        Summary(method, depth, observer: null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="observer"/> (the walk that needs the summary) learns when the chain is cut at
    /// <see cref="MaxDepth"/> or the summary itself is incomplete, so that PK9003 can say so.
    /// </summary>
    public MethodSummary? Summary(IMethodSymbol method, int depth, WorkBudget? observer, CancellationToken cancellationToken)
    {
        var target = (method.ReducedFrom ?? method).OriginalDefinition;
        target = target.PartialImplementationPart ?? target;
        if (depth > MaxDepth)
        {
            Statistics.DepthLimitHit();

            // A recursive method unrolled MaxDepth times is as complete as this analysis gets; only a chain of
            // distinct methods longer than the limit is a cut worth a note. Decided from the caller and the target
            // alone (not the whole path), so that a cached summary means the same whichever path computed it first.
            if (!IsRecursion(Caller(), target, cancellationToken))
            {
                observer?.Reached(AnalysisLimit.TaintDepth);
            }

            return null;
        }

        var key = (target, MaxDepth - depth);
        if (!_summaries.TryGetValue(key, out var summary))
        {
            summary = _summaries.GetOrAdd(key, Compute(target, depth, cancellationToken));
        }

        if (ReferenceEquals(summary, MethodSummary.Unknown))
        {
            return null;
        }

        if (summary.Limit != AnalysisLimit.None)
        {
            observer?.Reached(summary.Limit);
        }

        return summary;
    }

    private static IMethodSymbol? Caller() => s_computing is { Count: > 0 } computing ? computing[computing.Count - 1] : null;

    /// <summary>Whether the cut call is direct recursion, or mutual recursion between the caller and the target.</summary>
    private bool IsRecursion(IMethodSymbol? caller, IMethodSymbol target, CancellationToken cancellationToken) =>
        caller is not null && (SymbolEqualityComparer.Default.Equals(caller, target) || Calls(target, caller, cancellationToken));

    private bool Calls(IMethodSymbol method, IMethodSymbol callee, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && CalledName(invocation.Expression) == callee.Name)
                {
                    model ??= SemanticModelFor(syntax.SyntaxTree);
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called
                        && SymbolEqualityComparer.Default.Equals((called.ReducedFrom ?? called).OriginalDefinition, callee))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private MethodSummary Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (method.IsAbstract && method.ContainingType is { TypeKind: TypeKind.Interface } contract)
        {
            return Implementations(method, contract, depth, cancellationToken);
        }

        if (!CanSummarize(method) || BodyOf(method, cancellationToken) is not { } body)
        {
            return MethodSummary.Unknown;
        }

        Statistics.SummaryComputed();
        var computing = s_computing ??= new List<IMethodSymbol>();
        computing.Add(method);
        try
        {
            return Walk(method, body, depth, cancellationToken);
        }
        finally
        {
            computing.RemoveAt(computing.Count - 1);
        }
    }

    private MethodSummary Walk(IMethodSymbol method, IOperation body, int depth, CancellationToken cancellationToken)
    {
        var budget = new WorkBudget(OperationBudget, Statistics, cancellationToken);
        var index = IndexFor(body, budget);
        var walker = new TaintWalker(this, index, method, depth, budget);
        var returned = TaintValue.Clean;
        foreach (var operation in index.Returns)
        {
            returned = returned.Or(walker.Visit(operation.ReturnedValue));
        }

        var sinks = new SinkKind[64];
        var names = new string?[64];
        var hits = new List<SinkHit>();
        foreach (var operation in index.OwnOperations)
        {
            if (budget.Exhausted)
            {
                break;
            }

            if (operation is not (IInvocationOperation or IObjectCreationOperation or IAssignmentOperation or IConversionOperation))
            {
                continue;
            }

            hits.Clear();
            Sinks.Find(operation, SinkKind.All, index, hits);
            CalleeSinks(operation, SinkKind.All, depth + 1, hits, cancellationToken, budget);
            foreach (var hit in hits)
            {
                var value = walker.Visit(hit.Value);
                var kinds = value.ParameterKinds & hit.Kind;
                if (kinds == SinkKind.None || TaintGuards.IsGuarded(operation, hit.Value, kinds, index, Declared))
                {
                    continue;
                }

                for (var bit = 0; bit < 64; bit++)
                {
                    if ((value.Parameters & (1UL << bit)) != 0)
                    {
                        sinks[bit] |= kinds;
                        names[bit] ??= hit.Name;
                    }
                }
            }
        }

        budget.Flush();
        return new MethodSummary(returned, sinks, names, budget.Limit | (index.Truncated ? AnalysisLimit.TaintOperations : AnalysisLimit.None));
    }

    /// <summary>
    /// An interface method (a service injected as <c>IReportStore</c>): the union of the summaries of its
    /// implementations declared in this compilation, at the same depth.
    /// </summary>
    private MethodSummary Implementations(IMethodSymbol method, INamedTypeSymbol contract, int depth, CancellationToken cancellationToken)
    {
        var returned = TaintValue.Clean;
        var sinks = new SinkKind[64];
        var names = new string?[64];
        var limit = AnalysisLimit.None;
        var any = false;
        foreach (var type in SourceTypes(cancellationToken))
        {
            if (!Implements(type, contract) || type.FindImplementationForInterfaceMember(method) is not IMethodSymbol implementation
                || implementation.IsAbstract || Summary(implementation, depth, cancellationToken) is not { } summary)
            {
                continue;
            }

            any = true;
            returned = returned.Or(summary.Return);
            limit |= summary.Limit;
            for (var bit = 0; bit < 64; bit++)
            {
                sinks[bit] |= summary.ParameterSinks[bit];
                names[bit] ??= summary.SinkNames[bit];
            }
        }

        return any ? new MethodSummary(returned, sinks, names, limit) : MethodSummary.Unknown;
    }

    /// <summary>The implementations, declared in this compilation, of the interface method <paramref name="method"/>.</summary>
    public List<IMethodSymbol> ImplementationsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<IMethodSymbol>();
        if (method.ContainingType is not { TypeKind: TypeKind.Interface } contract)
        {
            return found;
        }

        foreach (var type in SourceTypes(cancellationToken))
        {
            if (Implements(type, contract) && type.FindImplementationForInterfaceMember(method) is IMethodSymbol { IsAbstract: false } implementation)
            {
                found.Add(implementation);
            }
        }

        return found;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol contract)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, contract.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every non-abstract class and struct declared in this compilation, listed once.</summary>
    private List<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken)
    {
        if (_sourceTypes is { } ready)
        {
            return ready;
        }

        var types = new List<INamedTypeSymbol>();
        var namespaces = new Stack<INamespaceOrTypeSymbol>();
        namespaces.Push(Compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    namespaces.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract)
                    {
                        types.Add(type);
                    }

                    namespaces.Push(type);
                }
            }
        }

        return _sourceTypes = types;
    }

    /// <summary>
    /// Adds, for a call to a summarised method, each argument (and the receiver) that reaches a sink of
    /// <paramref name="wanted"/> inside the callee, named "Callee → sink".
    /// </summary>
    public void CalleeSinks(IOperation operation, SinkKind wanted, int depth, List<SinkHit> hits, CancellationToken cancellationToken, WorkBudget? observer = null)
    {
        IMethodSymbol? method;
        IOperation? instance;
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        switch (operation)
        {
            case IInvocationOperation invocation:
                (method, instance, arguments) = (invocation.TargetMethod, invocation.Instance, invocation.Arguments);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                (method, instance, arguments) = (constructor, null, creation.Arguments);
                break;
            default:
                return;
        }

        if (!CanSummarize(method) || Summary(method, depth, observer, cancellationToken) is not { } summary || !summary.ReachesAnySink)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                var bit = TaintValue.ParameterPosition(parameter.Ordinal);
                var kinds = summary.ParameterSinks[bit] & wanted;
                if (kinds != SinkKind.None)
                {
                    hits.Add(new SinkHit(argument.Value, kinds, CallName(method) + " → " + summary.SinkNames[bit]));
                }
            }
        }

        var receiverKinds = summary.ParameterSinks[TaintValue.ReceiverBit] & wanted;
        if (instance is not null and not IInstanceReferenceOperation && receiverKinds != SinkKind.None)
        {
            hits.Add(new SinkHit(instance, receiverKinds, CallName(method) + " → " + summary.SinkNames[TaintValue.ReceiverBit]));
        }
    }

    private static string CallName(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;

    /// <summary>The sink kinds a call neutralises (encoders, <c>Path.GetFileName</c>, <c>Url.Action</c>), or none.</summary>
    public SinkKind SanitizedKinds(IInvocationOperation invocation) => SanitizedKinds(invocation, index: null);

    /// <summary>As above; <paramref name="index"/> lets a CR/LF removal see the other half of a two-step replace.</summary>
    public SinkKind SanitizedKinds(IInvocationOperation invocation, DefinitionIndex? index)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return SinkKind.None;
        }

        if (LineBreakRemoval.Removes(invocation, index))
        {
            return SinkKind.Header;
        }

        if (Declared?.Sanitized(invocation) is { } declared and not SinkKind.None)
        {
            return declared;
        }

        // Percent-encoding turns CR and LF into %0D and %0A, so it also neutralises header injection.
        const SinkKind UrlEncoded = SinkKind.Html | SinkKind.Path | SinkKind.Command | SinkKind.Redirect | SinkKind.Header;
        switch (method.Name)
        {
            case "HtmlEncode" or "HtmlAttributeEncode" or "JavaScriptStringEncode"
                when TypeNames.Is(type, "System.Net", "WebUtility") || TypeNames.Is(type, "System.Web", "HttpUtility"):
                return SinkKind.Html;
            case "UrlEncode" when TypeNames.Is(type, "System.Net", "WebUtility") || TypeNames.Is(type, "System.Web", "HttpUtility"):
            case "EscapeDataString" when TypeNames.Is(type, "System", "Uri"):
                return UrlEncoded;
            case "Encode" when TypeNames.InNamespace(type.ContainingNamespace, "System.Text.Encodings.Web"):
                var encoder = invocation.Instance?.Type ?? type;
                return TypeNames.DerivesFrom(encoder, "System.Text.Encodings.Web", "UrlEncoder") ? UrlEncoded : SinkKind.Html;
            case "Encode" when TypeNames.Is(type, "Microsoft.AspNetCore.Mvc.Rendering", "IHtmlHelper"):
            case "Escape" when TypeNames.Is(type, "System.Security", "SecurityElement"):
                return SinkKind.Html;
            case "GetFileName" or "GetFileNameWithoutExtension" or "GetExtension" when TypeNames.Is(type, "System.IO", "Path"):
                return SinkKind.Path;
            case "Action" or "Page" or "RouteUrl" or "ActionLink" or "PageLink"
                when TypeNames.InNamespace(type.ContainingNamespace, "Microsoft.AspNetCore.Mvc") && type.Name is "IUrlHelper" or "UrlHelperExtensions":
                // Url.Action(…, new { returnUrl }) builds a local URL and encodes the values into it.
                return SinkKind.Redirect;
            default:
                return SystemWebTaint.SanitizedKinds(method, type, UrlEncoded);
        }
    }

    /// <summary>Whether a constructor of the type (or the member's initialiser) stores a constructor argument in <paramref name="member"/>.</summary>
    public bool AssignedFromConstructor(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (_constructorAssigned.TryGetValue(member, out var known))
        {
            return known;
        }

        return _constructorAssigned.GetOrAdd(member, ComputeAssignedFromConstructor(member, cancellationToken));
    }

    private bool ComputeAssignedFromConstructor(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            // private readonly string _root = root;  (primary constructor) or  public string Name { get; } = name;
            var syntax = reference.GetSyntax(cancellationToken);
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax { Initializer: { } value } => value,
                PropertyDeclarationSyntax { Initializer: { } value } => value,
                _ => null,
            };
            if (initializer is not null && SemanticModelFor(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) is ISymbolInitializerOperation operation
                && ReadsParameter(operation.Value))
            {
                return true;
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.IsEmpty || BodyOf(constructor, cancellationToken) is not { } body)
            {
                continue;
            }

            var budget = new WorkBudget(OperationBudget, Statistics, cancellationToken);
            var index = IndexFor(body, budget);
            var walker = new TaintWalker(this, index, constructor, MaxDepth, budget);
            foreach (var definition in index.DefinitionsOf(member))
            {
                if (definition.Shape == DefinitionShape.Value && walker.Visit(definition.Operation).Parameters != 0)
                {
                    budget.Flush();
                    return true;
                }
            }

            budget.Flush();
        }

        return false;
    }

    private static bool ReadsParameter(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation tree of a source method's body (a constructor's includes its initialiser call).</summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var hasBody = syntax switch
            {
                BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
                AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
                LocalFunctionStatementSyntax f => f.Body is not null || f.ExpressionBody is not null,
                ArrowExpressionClauseSyntax => true,
                _ => false,
            };
            if (!hasBody)
            {
                continue;
            }

            return SemanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
            {
                ILocalFunctionOperation function => function.Body ?? function.IgnoredBody,
                { } body => body,
                null => null,
            };
        }

        return null;
    }

    /// <summary>The semantic model of a tree of this compilation, created once.</summary>
    public SemanticModel SemanticModelFor(SyntaxTree tree) =>
#pragma warning disable RS1030 // cross-method summaries need the callee's body; one model per tree, cached per compilation (see remarks)
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private sealed class Holder
    {
        public Holder(TaintEngine? engine) => Engine = engine;

        public TaintEngine? Engine { get; }
    }
}
