using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1008: XML parsing that processes DTDs or resolves external resources (A.12.2.1, IPA-091).</summary>
/// <remarks>
/// .NET Core parses safely by default (<c>DtdProcessing.Prohibit</c>, a null <c>XmlResolver</c> on <c>XmlDocument</c>),
/// so only settings written in code that undo the defaults are reported: <c>DtdProcessing = DtdProcessing.Parse</c>
/// (on <c>XmlReaderSettings</c> or <c>XmlTextReader</c>), <c>ProhibitDtd = false</c>, a non-null <c>XmlResolver</c> on
/// <c>XmlDocument</c>/<c>XmlTextReader</c> (both parse DTDs by default), and <c>XslCompiledTransform.Load</c> with
/// <c>XsltSettings.TrustedXslt</c> or the document() function enabled together with a resolver. An
/// <c>XmlPreloadedResolver</c> resolves only the DTDs it was given and is not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK1008XmlExternalEntitiesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set on a <c>DtdProcessing.Parse</c> value the fix can replace with <c>Prohibit</c>.</summary>
    internal const string DtdProcessingProperty = "DtdProcessing";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.XmlExternalEntities, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 611, 776 }, controls: new[] { "A.12.2.1", "IPA-091" });

    // System.Xml.DtdProcessing.Parse.
    private const int DtdProcessingParse = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var symbols = new XmlSymbols(start.Compilation);
        if (symbols.DtdProcessing is null || symbols.ReaderSettings is null)
        {
            return;
        }

        start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        if (symbols.XslCompiledTransform is not null && symbols.XsltSettings is not null)
        {
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, XmlSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property)
        {
            return;
        }

        var owner = property.Property.ContainingType;
        var value = EndpointBuilderFlow.Unwrap(assignment.Value);
        switch (property.Property.Name)
        {
            case "DtdProcessing" when SymbolEqualityComparer.Default.Equals(property.Property.Type, symbols.DtdProcessing)
                && value.ConstantValue is { HasValue: true, Value: int mode } && mode == DtdProcessingParse:
                if (OnlyPreloadedDtds(property, assignment, symbols) || OnlyReadsOwnFiles(property, assignment))
                {
                    break;
                }

                var properties = value is IFieldReferenceOperation
                    ? ImmutableDictionary<string, string?>.Empty.Add(DtdProcessingProperty, "true")
                    : null;
                context.Report(Rule, value.Syntax.GetLocation(), severity: null, properties, "DtdProcessing.Parse");
                break;

            case "DtdProcessing" when SymbolEqualityComparer.Default.Equals(property.Property.Type, symbols.DtdProcessing)
                && MayChooseParse(value) && !OnlyReadsOwnFiles(property, assignment):
                // allowDtd ? DtdProcessing.Parse : DtdProcessing.Prohibit: whoever sets the flag turns DTDs on.
                context.Report(Rule, value.Syntax.GetLocation(), "DtdProcessing.Parse (chosen at run time)");
                break;

            case "ProhibitDtd" when symbols.IsReader(owner) && value.ConstantValue is { HasValue: true, Value: false }:
                context.Report(Rule, value.Syntax.GetLocation(), owner!.Name + ".ProhibitDtd = false");
                break;

            case "XmlResolver" when symbols.ParsesDtdByDefault(owner) && symbols.IsRealResolver(value):
                context.Report(Rule, value.Syntax.GetLocation(), owner!.Name + ".XmlResolver");
                break;
        }
    }

    // XslCompiledTransform.Load(stylesheet, XsltSettings.TrustedXslt, new XmlUrlResolver()): document() reads any URL.
    private static void AnalyzeInvocation(OperationAnalysisContext context, XmlSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Load"
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.XslCompiledTransform))
        {
            return;
        }

        IOperation? settings = null;
        IOperation? resolver = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "settings")
            {
                settings = EndpointBuilderFlow.Unwrap(argument.Value);
            }
            else if (argument.Parameter?.Name == "stylesheetResolver")
            {
                resolver = EndpointBuilderFlow.Unwrap(argument.Value);
            }
        }

        if (settings is not null && resolver is not null && symbols.IsRealResolver(resolver)
            && (EnablesDocumentFunction(settings, symbols) || StylesheetFromInput(invocation)))
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), "XslCompiledTransform.Load(" + settings.Syntax + ", " + resolver.Syntax + ")");
        }
    }

    private static bool EnablesDocumentFunction(IOperation settings, XmlSymbols symbols)
    {
        switch (settings)
        {
            case IPropertyReferenceOperation { Property.Name: "TrustedXslt" } trusted:
                return SymbolEqualityComparer.Default.Equals(trusted.Property.ContainingType, symbols.XsltSettings);

            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, symbols.XsltSettings):
                if (creation.Arguments.Length > 0 && EndpointBuilderFlow.Unwrap(creation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: true })
                {
                    return true;
                }

                if (creation.Initializer is { } initializer)
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (IsDocumentFunctionOn(member))
                        {
                            return true;
                        }
                    }
                }

                return false;

            case ILocalReferenceOperation local:
                foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer: { } init } declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                        && EndpointBuilderFlow.Unwrap(init.Value) is not ILocalReferenceOperation
                        && EnablesDocumentFunction(EndpointBuilderFlow.Unwrap(init.Value), symbols))
                    {
                        return true;
                    }

                    if (IsDocumentFunctionOn(operation)
                        && ((ISimpleAssignmentOperation)operation).Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation target }
                        && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool IsDocumentFunctionOn(IOperation operation) =>
        operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EnableDocumentFunction" } } assignment
        && EndpointBuilderFlow.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: true };

    /// <summary>System.Xml's parser types, resolved once per compilation.</summary>
    private sealed class XmlSymbols
    {
        public XmlSymbols(Compilation compilation)
        {
            DtdProcessing = WellKnownTypes.Get(compilation, "System.Xml.DtdProcessing");
            ReaderSettings = WellKnownTypes.Get(compilation, "System.Xml.XmlReaderSettings");
            TextReader = WellKnownTypes.Get(compilation, "System.Xml.XmlTextReader");
            Document = WellKnownTypes.Get(compilation, "System.Xml.XmlDocument");
            PreloadedResolver = WellKnownTypes.Get(compilation, "System.Xml.Resolvers.XmlPreloadedResolver");
            XslCompiledTransform = WellKnownTypes.Get(compilation, "System.Xml.Xsl.XslCompiledTransform");
            XsltSettings = WellKnownTypes.Get(compilation, "System.Xml.Xsl.XsltSettings");
        }

        public INamedTypeSymbol? DtdProcessing { get; }

        public INamedTypeSymbol? ReaderSettings { get; }

        public INamedTypeSymbol? TextReader { get; }

        public INamedTypeSymbol? Document { get; }

        public INamedTypeSymbol? PreloadedResolver { get; }

        public INamedTypeSymbol? XslCompiledTransform { get; }

        public INamedTypeSymbol? XsltSettings { get; }

        public bool IsReader(INamedTypeSymbol? type) =>
            AuthorizationSymbols.InheritsFrom(type, ReaderSettings) || AuthorizationSymbols.InheritsFrom(type, TextReader);

        // XmlDocument and XmlTextReader parse DTDs unless told not to; XmlReaderSettings prohibits them by default, so its
        // resolver only matters together with DtdProcessing.Parse, which is reported on its own.
        public bool ParsesDtdByDefault(INamedTypeSymbol? type) =>
            AuthorizationSymbols.InheritsFrom(type, Document) || AuthorizationSymbols.InheritsFrom(type, TextReader);

        /// <summary>A resolver that can fetch files or URLs: not null, not an <c>XmlPreloadedResolver</c>.</summary>
        public bool IsRealResolver(IOperation value) =>
            !(value.ConstantValue is { HasValue: true, Value: null })
            && value.Type is { } type
            && !AuthorizationSymbols.InheritsFrom(type, PreloadedResolver);
    }
}
