using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3007: an application serving HTML that never tells browsers not to frame it (IPA-091, A.10.9.1; IPA Web 9-(i)).</summary>
/// <remarks>
/// Compilation-wide: the application serves HTML (<c>AddControllersWithViews</c>, <c>AddMvc</c>, <c>AddRazorPages</c>,
/// <c>MapRazorPages</c>, <c>AddRazorComponents</c>) and nothing sets <c>X-Frame-Options</c> (indexer, <c>Append</c>/<c>Add</c>/
/// <c>TryAdd</c>, <c>Headers.XFrameOptions</c>, <c>HeaderNames.XFrameOptions</c>), no string constant carries a CSP
/// <c>frame-ancestors</c> directive, and no known header middleware is used (NetEscapades <c>UseSecurityHeaders</c>, NWebsec
/// <c>UseXfo</c>, builders named <c>*FrameOptions*</c>/<c>*FrameAncestors*</c>, Blazor's interactive server render mode, which
/// sends <c>frame-ancestors 'self'</c>). The header antiforgery adds does not count: it is sent only with responses that
/// generate a token, not with every page. <c>X-Frame-Options: ALLOW-FROM …</c> and <c>ALLOWALL</c>, values browsers ignore
/// (anything but <c>DENY</c>/<c>SAMEORIGIN</c>), and <c>frame-ancestors</c> lists with a source that admits every site
/// (<c>*</c>, a bare scheme such as <c>https:</c>, or <c>https://*</c>) are reported where written.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK3007FramingAllowedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.FramingAllowed, RuleCategory.ResponseHeaders, DiagnosticSeverity.Warning,
        cwe: new[] { 1021 }, controls: new[] { "IPA-091", "A.10.9.1" },
        reportedAtCompilationEnd: true);

    private const string FrameOptionsHeader = "X-Frame-Options";

    private const string CspHeader = "Content-Security-Policy";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var headerDictionary = WellKnownTypes.Get(start.Compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        if (headerDictionary is null)
        {
            return;
        }

        var facts = new CompilationFacts(new FramingSymbols(start.Compilation, headerDictionary));
        start.RegisterOperationBlockAction(facts.AnalyzeMember);
        start.RegisterOperationAction(facts.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(facts.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(facts.AnalyzeLiteral, OperationKind.Literal);
        start.RegisterCompilationEndAction(facts.ReportAtEnd);
    }

    /// <summary>Where the application starts serving HTML, and whether anything stops framing.</summary>
    private sealed class CompilationFacts
    {
        private readonly FramingSymbols _symbols;
        private readonly INamedTypeSymbol? _headerNames;
        private readonly ConcurrentQueue<(Location Location, string Name)> _htmlRegistrations = new();
        private readonly ConcurrentQueue<(Location Location, string Value, string Reason)> _permissiveValues = new();
        private readonly ConcurrentQueue<ResponseScope> _scopes = new();
        private int _protected;
        private int _defaultFrameOptions;
        private int _defaultFrameAncestors;

        public CompilationFacts(FramingSymbols symbols)
        {
            _symbols = symbols;
            _headerNames = symbols.HeaderNames;
        }

        // Each method body (and each handler or middleware lambda in it) is one response scope.
        public void AnalyzeMember(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol member)
            {
                return;
            }

            if (!TouchesFraming(context.OperationBlocks))
            {
                return;
            }

            foreach (var scope in new ScopeWalker(_symbols).Walk(member, context.OperationBlocks))
            {
                _scopes.Enqueue(scope);
            }
        }

        // Most methods never touch response headers or write markup: skip them before building any scope.
        private static bool TouchesFraming(ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                foreach (var operation in block.Descendants())
                {
                    switch (operation)
                    {
                        case IPropertyReferenceOperation { Property.Name: "Headers" }:
                        case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } when text.IndexOf("http-equiv", StringComparison.OrdinalIgnoreCase) >= 0:
                            return true;
                        case IParameterReferenceOperation or ILocalReferenceOperation when operation.Type?.Name == "IHeaderDictionary":
                            return true;
                    }
                }
            }

            return false;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var name = method.Name;
            switch (name)
            {
                case "AddControllersWithViews":
                case "AddMvc":
                case "AddRazorPages":
                case "AddRazorComponents":
                case "MapRazorPages":
                    if (IsAspNetCoreExtension(method))
                    {
                        _htmlRegistrations.Enqueue((invocation.Syntax.GetLocation(), name));
                    }

                    return;
                case "UseSecurityHeaders":
                case "UseXfo":
                    // NetEscapades' default policy and NWebsec's UseXfo send X-Frame-Options on every response.
                    Interlocked.Exchange(ref _defaultFrameOptions, 1);
                    MarkProtected();
                    return;
                case "AddInteractiveServerRenderMode":
                    MarkProtected();
                    return;
                case "Append":
                case "Add":
                case "TryAdd":
                case "Set":
                case "AppendCommaSeparatedValues":
                    if (invocation.Arguments.Length >= 2 && IsFrameOptionsKey(invocation.Arguments[0].Value))
                    {
                        RecordValue(invocation.Arguments[1].Value);
                    }
                    else if (invocation.Arguments.Length >= 3 && IsFrameOptionsKey(invocation.Arguments[1].Value))
                    {
                        // Extension methods: HeaderDictionaryExtensions.Append(headers, key, value).
                        RecordValue(invocation.Arguments[2].Value);
                    }

                    return;
            }

            // Header-policy builders: AddFrameOptionsDeny(), AddFrameAncestors().None(), FrameAncestors(s => s.Self()).
            if (name.IndexOf("FrameOptions", StringComparison.Ordinal) >= 0)
            {
                Interlocked.Exchange(ref _defaultFrameOptions, 1);
                MarkProtected();
            }
            else if (name.IndexOf("FrameAncestors", StringComparison.Ordinal) >= 0)
            {
                Interlocked.Exchange(ref _defaultFrameAncestors, 1);
                MarkProtected();
            }
        }

        // context.Response.Headers["X-Frame-Options"] = "DENY"; context.Response.Headers.XFrameOptions = "SAMEORIGIN".
        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            if ((property.Property.Name == "XFrameOptions" && !property.Property.IsIndexer)
                || (property.Property.IsIndexer && property.Arguments.Length == 1 && IsFrameOptionsKey(property.Arguments[0].Value)))
            {
                RecordValue(assignment.Value);
            }
        }

        // Content-Security-Policy: frame-ancestors 'self' — in a literal, a constant or an interpolated string.
        // IPA Web 9-(i): a frame-ancestors list that admits every site restricts nothing; it is reported where written.
        public void AnalyzeLiteral(OperationAnalysisContext context)
        {
            if (context.Operation.ConstantValue is not { HasValue: true, Value: string text }
                || text.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return;
            }

            // Header writes are judged with their response (ResponseScope); a literal elsewhere (a constant handed to a
            // helper or a third-party builder) is reported where written.
            if (AllowsEveryone(text) && !InHeaderWrite(context.Operation))
            {
                _permissiveValues.Enqueue((context.Operation.Syntax.GetLocation(), "Content-Security-Policy: " + text.Trim(), "PK3007ReasonWildcardAncestors"));
            }

            MarkProtected();
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            foreach (var (location, value, reason) in _permissiveValues)
            {
                context.Report(Rule, location, symbol: null, severity: null, properties: null, value, Reason(reason));
            }

            ReportResponses(context);

            if (Volatile.Read(ref _protected) != 0)
            {
                return;
            }

            // One finding per application, at its first HTML registration (file order, then position).
            (Location Location, string Name)? first = null;
            foreach (var registration in _htmlRegistrations)
            {
                if (first is null || Compare(registration.Location, first.Value.Location) < 0)
                {
                    first = registration;
                }
            }

            if (first is { } found)
            {
                context.Report(Rule, found.Location, symbol: null, severity: null, properties: null, found.Name, Reason("PK3007ReasonNoHeader"));
            }
        }

        // Any X-Frame-Options write shows the application thought about framing; its value is judged with its response.
        private void RecordValue(IOperation value) => MarkProtected();

        private static bool InHeaderWrite(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }:
                        return property.Property.IsIndexer || property.Property.Name is "XFrameOptions" or "ContentSecurityPolicy" or "ContentSecurityPolicyReportOnly";
                    case IInvocationOperation invocation:
                        return invocation.TargetMethod.Name is "Append" or "Add" or "TryAdd" or "Set" or "AppendCommaSeparatedValues"
                            && (invocation.Instance?.Type ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null))?.Name is "IHeaderDictionary" or "HeaderDictionary";
                    case IBlockOperation:
                    case IExpressionStatementOperation:
                        return false;
                }
            }

            return false;
        }

        // IPA Web 9-(i): replays each response's header writes over the application-wide default and reports the writes
        // that leave an HTML response framable by other sites.
        private void ReportResponses(CompilationAnalysisContext context)
        {
            var scopes = _scopes.ToArray();
            var defaultFrameOptions = Volatile.Read(ref _defaultFrameOptions) != 0;
            var defaultAncestors = Volatile.Read(ref _defaultFrameAncestors) != 0;
            foreach (var scope in scopes)
            {
                if (scope.Kind != ScopeKind.Middleware)
                {
                    continue;
                }

                var (frameOptions, ancestors, _) = Replay(scope, Effect.Removed, Effect.Removed);
                defaultFrameOptions |= frameOptions == Effect.Protective;
                defaultAncestors |= ancestors == Effect.Protective;
            }

            foreach (var scope in scopes)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var startFrameOptions = scope.Kind != ScopeKind.Middleware && defaultFrameOptions ? Effect.Protective : Effect.Removed;
                var startAncestors = scope.Kind != ScopeKind.Middleware && defaultAncestors ? Effect.Protective : Effect.Removed;
                var (xfo, csp, weakening) = Replay(scope, startFrameOptions, startAncestors);
                var framable = csp == Effect.Weak || (csp is Effect.Removed or Effect.NoFrameAncestors && xfo != Effect.Protective);
                if (!framable || scope.NonHtml)
                {
                    continue;
                }

                // CSP3: when a frame-ancestors directive is in force, browsers ignore X-Frame-Options; report what decides.
                var ancestorsDecide = csp == Effect.Weak;
                foreach (var write in weakening)
                {
                    if (ancestorsDecide && write.Header == Header.FrameOptions)
                    {
                        continue;
                    }

                    context.Report(Rule, write.Location, symbol: null, severity: null, properties: null, write.Shown, Reason(write.Reason));
                }
            }
        }

        private static (Effect FrameOptions, Effect Ancestors, List<FramingWrite> Weakening) Replay(ResponseScope scope, Effect frameOptions, Effect ancestors)
        {
            var weakening = new List<FramingWrite>();
            foreach (var write in scope.Writes)
            {
                var effect = write.Effect == Effect.Unknown ? Effect.Protective : write.Effect;
                switch (write.Header)
                {
                    case Header.FrameOptions:
                        if (write.Kind == WriteKind.TryAdd && frameOptions != Effect.Removed)
                        {
                            break;
                        }

                        if (write.Kind == WriteKind.Append && effect == Effect.Protective && frameOptions == Effect.Protective)
                        {
                            break;
                        }

                        if (effect == Effect.Weak || (effect == Effect.Removed && frameOptions == Effect.Protective))
                        {
                            weakening.Add(write);
                        }

                        frameOptions = effect;
                        break;
                    case Header.Csp:
                        // Several CSP headers are all enforced: appending cannot loosen a policy already in force.
                        if ((write.Kind == WriteKind.Append || write.Kind == WriteKind.TryAdd) && ancestors == Effect.Protective)
                        {
                            break;
                        }

                        if (effect == Effect.Weak || (effect is Effect.Removed or Effect.NoFrameAncestors && ancestors == Effect.Protective))
                        {
                            weakening.Add(write);
                        }

                        ancestors = effect;
                        break;
                    default:
                        if (effect == Effect.Ineffective)
                        {
                            weakening.Add(write);
                        }

                        break;
                }
            }

            return (frameOptions, ancestors, weakening);
        }

        private bool IsFrameOptionsKey(IOperation key)
        {
            key = EndpointBuilderFlow.Unwrap(key);
            if (key.ConstantValue is { HasValue: true, Value: string text })
            {
                return string.Equals(text, FrameOptionsHeader, StringComparison.OrdinalIgnoreCase);
            }

            return key is IFieldReferenceOperation { Field.Name: "XFrameOptions" } field
                && (_headerNames is null || SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _headerNames));
        }

        private void MarkProtected() => Interlocked.Exchange(ref _protected, 1);

        private static bool IsAspNetCoreExtension(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace?.ToDisplayString();
            return method.IsExtensionMethod && ns is not null
                && (ns.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        }

        // CSP3 §6.3.2.5: a source list admits every site when one of its sources is "*", a bare scheme ("https:") or a
        // scheme with a wildcard host and nothing else ("https://*"); 'self', named hosts and "*.example.com" do not.
        internal static bool AllowsEveryone(string policy)
        {
            var at = policy.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) + "frame-ancestors".Length;
            var end = policy.IndexOf(';', at);
            var sources = end < 0 ? policy.Substring(at) : policy.Substring(at, end - at);
            foreach (var source in sources.Split(SourceSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (source == "*" || IsBareScheme(source) || IsWildcardHost(source))
                {
                    return true;
                }
            }

            return false;
        }

        // A frame-ancestors source with the http scheme can be answered by anyone on the network path (CSP3 §6.3.2.5
        // matches it by scheme and host only).
        internal static bool HasCleartextSource(string policy)
        {
            var at = policy.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) + "frame-ancestors".Length;
            var end = policy.IndexOf(';', at);
            var sources = end < 0 ? policy.Substring(at) : policy.Substring(at, end - at);
            foreach (var source in sources.Split(SourceSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly char[] SourceSeparators = { ' ', '\t', '\n', '\r' };

        private static bool IsBareScheme(string source) =>
            source.Length > 1 && source[source.Length - 1] == ':' && source.IndexOf('/') < 0 && source.IndexOf('\'') < 0;

        private static bool IsWildcardHost(string source)
        {
            var scheme = source.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            var host = source.Substring(scheme + 3).TrimEnd('/');
            var port = host.IndexOf(':');
            return (port < 0 ? host : host.Substring(0, port)) == "*";
        }

        private static int Compare(Location a, Location b)
        {
            var byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath != 0 ? byPath : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }

        private static LocalizableResourceString Reason(string key) => new(key, Resources.ResourceManager, typeof(Resources));
    }
}
