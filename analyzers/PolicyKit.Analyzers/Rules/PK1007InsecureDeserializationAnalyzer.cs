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
public sealed partial class PK1007InsecureDeserializationAnalyzer : DiagnosticAnalyzer
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
        if (!symbols.Formatters.IsEmpty || symbols.JsonConvert is not null || symbols.SystemTextJson is not null)
        {
            var targets = new TypeNameTargets();
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, targets), OperationKind.Invocation);
        }

        if (symbols.TypeNameHandling is not null)
        {
            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        }

        if (symbols.XmlSerializer is not null || symbols.JavaScriptSerializer is not null || symbols.DataContractSerializer is not null)
        {
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DeserializationSymbols symbols, TypeNameTargets targets)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        if (name == "CreateInstance")
        {
            AnalyzeActivator(context, invocation, symbols);
            return;
        }

        if (!name.StartsWith("Deserialize", StringComparison.Ordinal) && !name.StartsWith("UnsafeDeserialize", StringComparison.Ordinal)
            && name != "ReadObject" && name != "PopulateObject" && name != "Populate" && name != "ToObject")
        {
            return;
        }

        var type = invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType;
        if (symbols.FormatterOf(type) is { } formatter)
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), formatter.Name + "." + name);
            return;
        }

        AnalyzeTypedDeserialization(context, invocation, symbols, targets);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, DeserializationSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property
            || !SymbolEqualityComparer.Default.Equals(property.Property.Type, symbols.TypeNameHandling)
            || ConstantHandling(assignment.Value) is not { ConstantValue: { HasValue: true, Value: { } value } } constant
            || Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        // CA2327/CA2328: a SerializationBinder that maps names to an allow-list of types closes the hole; settings
        // handed only to Serialize* write "$type" but never read it.
        if (HasBinder(property, assignment, context.CancellationToken) || IsSerializationOnly(property, assignment))
        {
            return;
        }

        var reported = constant;
        if (!ReferenceEquals(constant, EndpointBuilderFlow.Unwrap(assignment.Value)))
        {
            // Auto through a local: report where the settings take it, no fix (the local may serve other uses).
            reported = EndpointBuilderFlow.Unwrap(assignment.Value);
        }

        var shown = constant is IFieldReferenceOperation field ? "TypeNameHandling." + field.Field.Name : "TypeNameHandling = " + value;
        var properties = constant is IFieldReferenceOperation && ReferenceEquals(reported, constant)
            ? ImmutableDictionary<string, string?>.Empty.Add(TypeNameHandlingProperty, "true")
            : null;
        context.Report(Rule, reported.Syntax.GetLocation(), severity: null, properties, shown);
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
        else if (symbols.IsDataContractSerializer(type) && HasTypeArgumentNamedByData(creation.Arguments, symbols))
        {
            context.Report(Rule, creation.Syntax.GetLocation(), type.Name + "(Type.GetType(…))");
        }
    }

    // new XmlSerializer(Type.GetType(typeName)) and var t = assembly.GetType(name); new XmlSerializer(t). A name built
    // from typeof(X).FullName/AssemblyQualifiedName is the program's own choice.
    private static bool IsTypeNamedByData(IOperation value, DeserializationSymbols symbols)
    {
        if (TypeNameOf(value, symbols) is not { } name || name.ConstantValue.HasValue)
        {
            return false;
        }

        foreach (var operation in name.DescendantsAndSelf())
        {
            if (operation is ITypeOfOperation or INameOfOperation)
            {
                return false;
            }
        }

        return true;
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

    private static bool HasBinder(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment, System.Threading.CancellationToken cancellationToken)
    {
        ISymbol? owner;
        if (property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var sibling in initializer.Initializers)
            {
                if (IsBinderAssignment(sibling, cancellationToken))
                {
                    return true;
                }
            }

            // var settings = new JsonSerializerSettings { TypeNameHandling = Auto }; settings.SerializationBinder = …;
            owner = OwnerOfCreation(initializer.Parent);
        }
        else
        {
            owner = property.Instance is { } instance ? Symbol(instance) : null;
        }

        if (owner is null)
        {
            return false;
        }

        foreach (var operation in EndpointBuilderFlow.Root(assignment).Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } other } } candidate
                && SymbolEqualityComparer.Default.Equals(Symbol(other), owner) && IsBinderAssignment(candidate, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    // The local or field a settings object is stored in: `var s = new …{…}`, `s = new …{…}`, `static readonly … S = new() {…}`.
    private static ISymbol? OwnerOfCreation(IOperation? creation)
    {
        var current = creation;
        while (current?.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current?.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } => fields[0],
            ISimpleAssignmentOperation { Target: { } target } => Symbol(target),
            _ => null,
        };
    }

    private static bool IsBinderAssignment(IOperation operation, System.Threading.CancellationToken cancellationToken) =>
        operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SerializationBinder" or "Binder" } } binder
        && EndpointBuilderFlow.Unwrap(binder.Value) is var value
        && !(value.ConstantValue is { HasValue: true, Value: null })
        && value.Type?.Name != "DefaultSerializationBinder"
        && !BinderResolvesAnyType(value.Type, cancellationToken);

    // `var handling = TypeNameHandling.Auto; … { TypeNameHandling = handling }`: the constant the local was given.
    private static IOperation ConstantHandling(IOperation value)
    {
        value = EndpointBuilderFlow.Unwrap(value);
        if (value is ILocalReferenceOperation local && !value.ConstantValue.HasValue && InitializerOf(local) is { ConstantValue.HasValue: true } initial)
        {
            return initial;
        }

        return value;
    }

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
            DataContractSerializer = WellKnownTypes.Get(compilation, "System.Runtime.Serialization.DataContractSerializer");
            DataContractJsonSerializer = WellKnownTypes.Get(compilation, "System.Runtime.Serialization.Json.DataContractJsonSerializer");
            JsonConvert = WellKnownTypes.Get(compilation, "Newtonsoft.Json.JsonConvert");
            NewtonsoftSerializer = WellKnownTypes.Get(compilation, "Newtonsoft.Json.JsonSerializer");
            JToken = WellKnownTypes.Get(compilation, "Newtonsoft.Json.Linq.JToken");
            JsonSerializerSettings = WellKnownTypes.Get(compilation, "Newtonsoft.Json.JsonSerializerSettings");
            JsonPropertyAttribute = WellKnownTypes.Get(compilation, "Newtonsoft.Json.JsonPropertyAttribute");
            JsonContainerAttribute = WellKnownTypes.Get(compilation, "Newtonsoft.Json.JsonContainerAttribute");
            SystemTextJson = WellKnownTypes.Get(compilation, "System.Text.Json.JsonSerializer");
            Activator = WellKnownTypes.Get(compilation, "System.Activator");
            Type = WellKnownTypes.Get(compilation, "System.Type");
            Assembly = WellKnownTypes.Get(compilation, "System.Reflection.Assembly");
        }

        public ImmutableArray<INamedTypeSymbol> Formatters { get; }

        public INamedTypeSymbol? TypeNameHandling { get; }

        public INamedTypeSymbol? JavaScriptSerializer { get; }

        public INamedTypeSymbol? SimpleTypeResolver { get; }

        public INamedTypeSymbol? XmlSerializer { get; }

        public INamedTypeSymbol? DataContractSerializer { get; }

        public INamedTypeSymbol? DataContractJsonSerializer { get; }

        public INamedTypeSymbol? JsonConvert { get; }

        public INamedTypeSymbol? NewtonsoftSerializer { get; }

        public INamedTypeSymbol? JToken { get; }

        public INamedTypeSymbol? JsonSerializerSettings { get; }

        public INamedTypeSymbol? JsonPropertyAttribute { get; }

        public INamedTypeSymbol? JsonContainerAttribute { get; }

        public INamedTypeSymbol? SystemTextJson { get; }

        public INamedTypeSymbol? Activator { get; }

        public INamedTypeSymbol? Type { get; }

        public INamedTypeSymbol? Assembly { get; }

        public bool IsDataContractSerializer(ITypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, DataContractSerializer) || SymbolEqualityComparer.Default.Equals(type, DataContractJsonSerializer);

        /// <summary>Json.NET's reading entry points: JsonConvert, JsonSerializer and JToken.ToObject.</summary>
        public bool IsNewtonsoftReader(ITypeSymbol? type) =>
            type is not null && (SymbolEqualityComparer.Default.Equals(type, JsonConvert) || AuthorizationSymbols.InheritsFrom(type, NewtonsoftSerializer)
                                 || AuthorizationSymbols.InheritsFrom(type, JToken));

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
