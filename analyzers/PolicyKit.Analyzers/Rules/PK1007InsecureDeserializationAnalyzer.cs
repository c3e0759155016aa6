using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1007: a deserializer that lets the payload choose the types it creates (A.12.2.1, A.10.4.2, A.12.2.3, IPA-091).</summary>
/// <remarks>
/// Reported: <c>Deserialize</c>/<c>UnsafeDeserialize</c>/<c>ReadObject</c> on BinaryFormatter, SoapFormatter,
/// NetDataContractSerializer, LosFormatter and ObjectStateFormatter; Json.NET <c>TypeNameHandling</c> set to a constant
/// other than <c>None</c> without a <c>SerializationBinder</c> on the same settings; <c>JavaScriptSerializer</c> built
/// with a <c>SimpleTypeResolver</c>; <c>XmlSerializer</c> built from <c>Type.GetType(name)</c>/<c>Assembly.GetType(name)</c>
/// with a non-constant name. System.Text.Json (polymorphism only through declared <c>[JsonDerivedType]</c>s),
/// <c>XmlSerializer(typeof(T))</c> and <c>DataContractSerializer</c> with declared known types stay silent.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1007InsecureDeserializationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set on a constant <c>TypeNameHandling</c> value the fix can replace with <c>None</c>.</summary>
    internal const string TypeNameHandlingProperty = "TypeNameHandling";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.InsecureDeserialization, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 502 }, controls: new[] { "A.12.2.1", "A.10.4.2", "A.12.2.3", "IPA-091" });

    // Formatters that write the full type name into the payload and instantiate whatever it names (CA2300–CA2315).
    private static readonly string[] TypeNamingFormatters =
    {
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
        "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
        "System.Runtime.Serialization.NetDataContractSerializer",
        "System.Web.UI.LosFormatter",
        "System.Web.UI.ObjectStateFormatter",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var symbols = new DeserializationSymbols(start.Compilation);
        if (!symbols.Formatters.IsEmpty)
        {
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        }

        if (symbols.TypeNameHandling is not null)
        {
            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        }

        if (symbols.XmlSerializer is not null || symbols.JavaScriptSerializer is not null)
        {
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DeserializationSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        if (!name.StartsWith("Deserialize", StringComparison.Ordinal) && !name.StartsWith("UnsafeDeserialize", StringComparison.Ordinal) && name != "ReadObject")
        {
            return;
        }

        var type = invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType;
        if (symbols.FormatterOf(type) is { } formatter)
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), formatter.Name + "." + name);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, DeserializationSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property
            || !SymbolEqualityComparer.Default.Equals(property.Property.Type, symbols.TypeNameHandling)
            || EndpointBuilderFlow.Unwrap(assignment.Value) is not { ConstantValue: { HasValue: true, Value: { } value } } constant
            || Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        // CA2327/CA2328: a SerializationBinder that maps names to an allow-list of types closes the hole.
        if (HasBinder(property, assignment))
        {
            return;
        }

        var shown = constant is IFieldReferenceOperation field ? "TypeNameHandling." + field.Field.Name : "TypeNameHandling = " + value;
        var properties = constant is IFieldReferenceOperation
            ? ImmutableDictionary<string, string?>.Empty.Add(TypeNameHandlingProperty, "true")
            : null;
        context.Report(Rule, constant.Syntax.GetLocation(), severity: null, properties, shown);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, DeserializationSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        if (type is null)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.JavaScriptSerializer))
        {
            foreach (var argument in creation.Arguments)
            {
                if (AuthorizationSymbols.InheritsFrom(EndpointBuilderFlow.Unwrap(argument.Value).Type, symbols.SimpleTypeResolver))
                {
                    context.Report(Rule, creation.Syntax.GetLocation(), "JavaScriptSerializer(SimpleTypeResolver)");
                    return;
                }
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.XmlSerializer) && !creation.Arguments.IsEmpty
            && creation.Arguments[0].Parameter?.Type.Name == "Type"
            && IsTypeNamedByData(creation.Arguments[0].Value, symbols))
        {
            context.Report(Rule, creation.Syntax.GetLocation(), "XmlSerializer(Type.GetType(…))");
        }
    }

    // new XmlSerializer(Type.GetType(typeName)) and var t = assembly.GetType(name); new XmlSerializer(t).
    private static bool IsTypeNamedByData(IOperation value, DeserializationSymbols symbols)
    {
        value = EndpointBuilderFlow.Unwrap(value);
        if (value is ILocalReferenceOperation local)
        {
            value = InitializerOf(local) ?? value;
        }

        if (value is not IInvocationOperation { TargetMethod.Name: "GetType" } lookup || lookup.Arguments.IsEmpty)
        {
            return false;
        }

        var owner = lookup.TargetMethod.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(owner, symbols.Type) && !AuthorizationSymbols.InheritsFrom(owner, symbols.Assembly))
        {
            return false;
        }

        var name = lookup.Arguments[0];
        return name.Parameter?.Type.SpecialType == SpecialType.System_String && !EndpointBuilderFlow.Unwrap(name.Value).ConstantValue.HasValue;
    }

    private static IOperation? InitializerOf(ILocalReferenceOperation local)
    {
        foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
        {
            if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            {
                return EndpointBuilderFlow.Unwrap(initializer.Value);
            }
        }

        return null;
    }

    private static bool HasBinder(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
    {
        if (property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var sibling in initializer.Initializers)
            {
                if (IsBinderAssignment(sibling))
                {
                    return true;
                }
            }

            return false;
        }

        if (property.Instance is not { } instance || Symbol(instance) is not { } owner)
        {
            return false;
        }

        foreach (var operation in EndpointBuilderFlow.Root(assignment).Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } other } } candidate
                && SymbolEqualityComparer.Default.Equals(Symbol(other), owner) && IsBinderAssignment(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBinderAssignment(IOperation operation) =>
        operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SerializationBinder" or "Binder" } } binder
        && EndpointBuilderFlow.Unwrap(binder.Value) is var value
        && !(value.ConstantValue is { HasValue: true, Value: null })
        && value.Type?.Name != "DefaultSerializationBinder";

    private static ISymbol? Symbol(IOperation operation) => EndpointBuilderFlow.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>The serializer types this rule knows, resolved once per compilation.</summary>
    private sealed class DeserializationSymbols
    {
        public DeserializationSymbols(Compilation compilation)
        {
            var formatters = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in TypeNamingFormatters)
            {
                if (WellKnownTypes.Get(compilation, name) is { } formatter)
                {
                    formatters.Add(formatter);
                }
            }

            Formatters = formatters.ToImmutable();
            TypeNameHandling = WellKnownTypes.Get(compilation, "Newtonsoft.Json.TypeNameHandling");
            JavaScriptSerializer = WellKnownTypes.Get(compilation, "System.Web.Script.Serialization.JavaScriptSerializer");
            SimpleTypeResolver = WellKnownTypes.Get(compilation, "System.Web.Script.Serialization.SimpleTypeResolver");
            XmlSerializer = WellKnownTypes.Get(compilation, "System.Xml.Serialization.XmlSerializer");
            Type = WellKnownTypes.Get(compilation, "System.Type");
            Assembly = WellKnownTypes.Get(compilation, "System.Reflection.Assembly");
        }

        public ImmutableArray<INamedTypeSymbol> Formatters { get; }

        public INamedTypeSymbol? TypeNameHandling { get; }

        public INamedTypeSymbol? JavaScriptSerializer { get; }

        public INamedTypeSymbol? SimpleTypeResolver { get; }

        public INamedTypeSymbol? XmlSerializer { get; }

        public INamedTypeSymbol? Type { get; }

        public INamedTypeSymbol? Assembly { get; }

        public INamedTypeSymbol? FormatterOf(ITypeSymbol? type)
        {
            foreach (var formatter in Formatters)
            {
                if (AuthorizationSymbols.InheritsFrom(type, formatter))
                {
                    return formatter;
                }
            }

            return null;
        }
    }
}
