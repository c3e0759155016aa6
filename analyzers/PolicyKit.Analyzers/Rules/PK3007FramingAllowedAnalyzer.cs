using System;
using System.Collections.Concurrent;
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
public sealed class PK3007FramingAllowedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.FramingAllowed, RuleCategory.ResponseHeaders, DiagnosticSeverity.Warning,
        cwe: new[] { 1021 }, controls: new[] { "IPA-091", "A.10.9.1" },
        reportedAtCompilationEnd: true);

    private const string FrameOptionsHeader = "X-Frame-Options";

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

        var facts = new CompilationFacts(WellKnownTypes.Get(start.Compilation, "Microsoft.Net.Http.Headers.HeaderNames"));
        start.RegisterOperationAction(facts.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(facts.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(facts.AnalyzeLiteral, OperationKind.Literal);
        start.RegisterCompilationEndAction(facts.ReportAtEnd);
    }

    /// <summary>Where the application starts serving HTML, and whether anything stops framing.</summary>
    private sealed class CompilationFacts
    {
        private readonly INamedTypeSymbol? _headerNames;
        private readonly ConcurrentQueue<(Location Location, string Name)> _htmlRegistrations = new();
        private readonly ConcurrentQueue<(Location Location, string Value, string Reason)> _permissiveValues = new();
        private int _protected;

        public CompilationFacts(INamedTypeSymbol? headerNames) => _headerNames = headerNames;

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
            if (name.IndexOf("FrameOptions", StringComparison.Ordinal) >= 0 || name.IndexOf("FrameAncestors", StringComparison.Ordinal) >= 0)
            {
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

            if (AllowsEveryone(text))
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

        private void RecordValue(IOperation value)
        {
            value = EndpointBuilderFlow.Unwrap(value);
            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                var trimmed = text.Trim();
                if (trimmed.StartsWith("ALLOW-FROM", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("ALLOWALL", StringComparison.OrdinalIgnoreCase))
                {
                    // Reported where written; the missing-header finding would only repeat it.
                    _permissiveValues.Enqueue((value.Syntax.GetLocation(), FrameOptionsHeader + ": " + trimmed, "PK3007ReasonPermissive"));
                    MarkProtected();
                    return;
                }

                // RFC 7034 §2.1 defines only DENY and SAMEORIGIN (case-insensitive); browsers ignore any other value.
                if (!trimmed.Equals("DENY", StringComparison.OrdinalIgnoreCase) && !trimmed.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))
                {
                    _permissiveValues.Enqueue((value.Syntax.GetLocation(), FrameOptionsHeader + ": " + trimmed, "PK3007ReasonInvalidValue"));
                    MarkProtected();
                    return;
                }
            }

            // StringValues and implicit conversions from string keep the constant one level down.
            if (value is IObjectCreationOperation { Arguments.Length: 1 } creation && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string })
            {
                RecordValue(creation.Arguments[0].Value);
                return;
            }

            MarkProtected();
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
        private static bool AllowsEveryone(string policy)
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
