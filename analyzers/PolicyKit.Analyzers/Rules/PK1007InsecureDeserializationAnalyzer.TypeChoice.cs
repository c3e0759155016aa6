using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK1007 at the deserializing call: a type chosen by the data (<c>Type.GetType(name)</c>, client-chosen known types),
/// members that turn type names on themselves (<c>[JsonProperty(TypeNameHandling = …)]</c>), and shared or stored
/// settings with type names read into an <c>object</c> member.
/// </summary>
public sealed partial class PK1007InsecureDeserializationAnalyzer
{
    private const int MemberDepth = 3;

    private static void AnalyzeTypedDeserialization(OperationAnalysisContext context, IInvocationOperation invocation, DeserializationSymbols symbols, TypeNameTargets targets)
    {
        var owner = invocation.TargetMethod.ContainingType;
        var newtonsoft = symbols.IsNewtonsoftReader(owner);
        if (!newtonsoft && !SymbolEqualityComparer.Default.Equals(owner, symbols.SystemTextJson))
        {
            return;
        }

        var name = invocation.TargetMethod.Name;
        if (HasTypeArgumentNamedByData(invocation.Arguments, symbols))
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), owner.Name + "." + name + "(…, Type.GetType(…))");
            return;
        }

        if (!newtonsoft || TargetOf(invocation) is not { } target)
        {
            return;
        }

        // [JsonProperty(TypeNameHandling = All)] turns type names on for that member whatever the settings say.
        if (targets.MemberHandling(target, symbols) is { Length: > 0 } member)
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), member);
            return;
        }

        // Settings kept in a field or local (the setting itself is reported where it is written): the call that reads
        // an object-typed member with them creates whatever type the payload names.
        if (SettingsArgument(invocation) is { } settings && PermissiveHandling(settings, context.CancellationToken) is { } handling
            && targets.ObjectMember(target) is { Length: > 0 } objectMember)
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), "TypeNameHandling." + handling + " → " + objectMember);
        }
    }

    private static void AnalyzeActivator(OperationAnalysisContext context, IInvocationOperation invocation, DeserializationSymbols symbols)
    {
        // Activator.CreateInstance(Type.GetType(request value)): the client picks the class to construct (CWE-470).
        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.Activator)
            && !invocation.Arguments.IsEmpty && invocation.Arguments[0].Parameter?.Type.Name == "Type"
            && TypeNameOf(invocation.Arguments[0].Value, symbols) is { } typeName && ReadsRequest(typeName))
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), "Activator.CreateInstance(Type.GetType(…))");
        }
    }

    private static bool HasTypeArgumentNamedByData(ImmutableArray<IArgumentOperation> arguments, DeserializationSymbols symbols)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type is not { } parameterType)
            {
                continue;
            }

            if (parameterType.Name == "Type" ? IsTypeNamedByData(argument.Value, symbols) : IsTypeSequence(parameterType) && IsTypeListNamedByData(argument.Value, symbols))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTypeSequence(ITypeSymbol type) =>
        type is IArrayTypeSymbol { ElementType.Name: "Type" }
        || (type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } arguments } && arguments[0].Name == "Type");

    // new List<Type>() filled with known.Add(Type.GetType(name)), or new[] { Type.GetType(name) }.
    private static bool IsTypeListNamedByData(IOperation value, DeserializationSymbols symbols)
    {
        value = EndpointBuilderFlow.Unwrap(value);
        if (value is IArrayCreationOperation { Initializer: { } elements })
        {
            foreach (var element in elements.ElementValues)
            {
                if (IsTypeNamedByData(element, symbols))
                {
                    return true;
                }
            }

            return false;
        }

        if (value is not ILocalReferenceOperation local)
        {
            return false;
        }

        foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation list, Arguments: { Length: 1 } added }
                && SymbolEqualityComparer.Default.Equals(list.Local, local.Local) && IsTypeNamedByData(added[0].Value, symbols))
            {
                return true;
            }
        }

        return InitializerOf(local) is { } initializer && !ReferenceEquals(initializer, value) && IsTypeListNamedByData(initializer, symbols);
    }

    // The GetType(name) call behind a Type value: directly, or through a local initialised with it.
    private static IOperation? TypeNameOf(IOperation value, DeserializationSymbols symbols)
    {
        value = EndpointBuilderFlow.Unwrap(value);
        if (value is ILocalReferenceOperation local)
        {
            value = InitializerOf(local) ?? value;
        }

        if (value is not IInvocationOperation { TargetMethod.Name: "GetType" } lookup || lookup.Arguments.IsEmpty)
        {
            return null;
        }

        var owner = lookup.TargetMethod.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(owner, symbols.Type) && !AuthorizationSymbols.InheritsFrom(owner, symbols.Assembly))
        {
            return null;
        }

        var name = lookup.Arguments[0];
        return name.Parameter?.Type.SpecialType == SpecialType.System_String ? EndpointBuilderFlow.Unwrap(name.Value) : null;
    }

    // A request value in the type name: an action or handler parameter, or a read of Request.Query/Form/Headers/Cookies.
    private static bool ReadsRequest(IOperation name)
    {
        if (name is ILocalReferenceOperation local && InitializerOf(local) is { } initial)
        {
            name = initial;
        }

        foreach (var operation in name.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method }
                    when method.MethodKind == MethodKind.AnonymousFunction || method.DeclaredAccessibility == Accessibility.Public:
                    return true;
                case IPropertyReferenceOperation { Property.ContainingType.Name: "HttpRequest" or "IQueryCollection" or "IFormCollection" or "IHeaderDictionary" or "IRequestCookieCollection" }:
                    return true;
            }
        }

        return false;
    }

    // The type a Json.NET call reads into: DeserializeObject<T>, ToObject<T>, DeserializeObject(json, typeof(T)), PopulateObject(json, target).
    private static ITypeSymbol? TargetOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsGenericMethod && method.TypeArguments.Length == 1)
        {
            return method.TypeArguments[0];
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name == "Type" && EndpointBuilderFlow.Unwrap(argument.Value) is ITypeOfOperation typeOf)
            {
                return typeOf.TypeOperand;
            }

            if (method.Name.StartsWith("Populate", System.StringComparison.Ordinal) && argument.Parameter?.Name == "target")
            {
                return EndpointBuilderFlow.Unwrap(argument.Value).Type;
            }
        }

        return method.ReturnType.SpecialType == SpecialType.System_Object && method.Name.StartsWith("Deserialize", System.StringComparison.Ordinal)
            ? method.ReturnType
            : null;
    }

    private static IOperation? SettingsArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name == "JsonSerializerSettings")
            {
                return EndpointBuilderFlow.Unwrap(argument.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// The TypeNameHandling member name a settings local or field carries without a restricting binder, or null. Inline
    /// settings are judged (and reported) at their assignment; parameters and injected settings are not followed.
    /// </summary>
    private static string? PermissiveHandling(IOperation settings, System.Threading.CancellationToken cancellationToken)
    {
        switch (settings)
        {
            case ILocalReferenceOperation local:
                string? handling = null;
                if (InitializerOf(local) is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var member in initializer.Initializers)
                    {
                        handling ??= HandlingOf(member);
                        if (IsBinderAssignment(member, cancellationToken))
                        {
                            return null;
                        }
                    }
                }

                foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation other } } write
                        && SymbolEqualityComparer.Default.Equals(other.Local, local.Local))
                    {
                        if (IsBinderAssignment(write, cancellationToken))
                        {
                            return null;
                        }

                        handling = HandlingOf(write) ?? handling;
                    }
                }

                return handling;
            case IFieldReferenceOperation field:
                return DeclaredHandling(field.Field, cancellationToken);
            case IPropertyReferenceOperation { Property.IsStatic: true } property:
                return DeclaredHandling(property.Property, cancellationToken);
            default:
                return null;
        }
    }

    private static string? HandlingOf(IOperation member)
    {
        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "TypeNameHandling" } } assignment
            && ConstantHandling(assignment.Value) is { ConstantValue: { HasValue: true, Value: { } value } } constant)
        {
            var number = System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            return number == 0 ? null : constant is IFieldReferenceOperation field ? field.Field.Name : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    // static readonly JsonSerializerSettings S = new() { TypeNameHandling = TypeNameHandling.Auto }; read as syntax,
    // since the declaration is often in another file.
    private static string? DeclaredHandling(ISymbol member, System.Threading.CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode? initializer = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax { Initializer: { } value } => value,
            PropertyDeclarationSyntax { Initializer: { } value } => value,
            _ => null,
        };
        if (initializer is null)
        {
            return null;
        }

        string? handling = null;
        foreach (var node in initializer.DescendantNodes())
        {
            if (node is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment)
            {
                continue;
            }

            switch (left.Identifier.ValueText)
            {
                case "SerializationBinder" or "Binder":
                    return null;
                case "TypeNameHandling" when assignment.Right is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var value }
                                             && value is "All" or "Auto" or "Objects" or "Arrays":
                    handling = value;
                    break;
            }
        }

        return handling;
    }

    /// <summary>Per-compilation memo of what a deserialized type exposes to type names (types are shared by many calls).</summary>
    private sealed class TypeNameTargets
    {
        private readonly ConcurrentDictionary<ITypeSymbol, string> _memberHandling = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, string> _objectMember = new(SymbolEqualityComparer.Default);

        /// <summary>"[JsonProperty(TypeNameHandling = …)] on T.Member", or empty.</summary>
        public string MemberHandling(ITypeSymbol type, DeserializationSymbols symbols) =>
            _memberHandling.GetOrAdd(type, t => FindMemberHandling(t, symbols, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), 0) ?? string.Empty);

        /// <summary>"T" when T is object, "T.Member (object)" for the first object-typed member, or empty.</summary>
        public string ObjectMember(ITypeSymbol type) =>
            _objectMember.GetOrAdd(type, t => FindObjectMember(t) ?? string.Empty);

        private static string? FindMemberHandling(ITypeSymbol type, DeserializationSymbols symbols, HashSet<ITypeSymbol> seen, int depth)
        {
            type = ElementOf(type);
            if (depth > MemberDepth || type is not INamedTypeSymbol named || (!type.Locations.IsEmpty && !type.Locations[0].IsInSource) || !seen.Add(type))
            {
                return null;
            }

            foreach (var attribute in named.GetAttributes())
            {
                if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, symbols.JsonContainerAttribute) && NamesTypes(attribute) is { } container)
                {
                    return "[" + attribute.AttributeClass!.Name + "(" + container + ")] on " + named.Name;
                }
            }

            foreach (var member in named.GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol) || member.IsStatic || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                foreach (var attribute in member.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JsonPropertyAttribute) && NamesTypes(attribute) is { } setting)
                    {
                        return "[JsonProperty(" + setting + ")] on " + named.Name + "." + member.Name;
                    }
                }

                var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                if (FindMemberHandling(memberType, symbols, seen, depth + 1) is { } nested)
                {
                    return nested;
                }
            }

            return null;
        }

        private static string? NamesTypes(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key is "TypeNameHandling" or "ItemTypeNameHandling" && named.Value.ValueOrNull() is { } value
                    && System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
                {
                    return named.Key + " = " + EnumName(named.Value.Type, value);
                }
            }

            return null;
        }

        private static string EnumName(ITypeSymbol? type, object value)
        {
            if (type is not null)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                    {
                        return type.Name + "." + field.Name;
                    }
                }
            }

            return value.ToString() ?? string.Empty;
        }

        private static string? FindObjectMember(ITypeSymbol type)
        {
            if (IsObject(ElementOf(type)))
            {
                return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            }

            if (ElementOf(type) is not INamedTypeSymbol named)
            {
                return null;
            }

            foreach (var member in named.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsStatic: false } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is not null && member.DeclaredAccessibility == Accessibility.Public && IsObject(ElementOf(memberType)))
                {
                    return named.Name + "." + member.Name + " (object)";
                }
            }

            return null;
        }

        private static bool IsObject(ITypeSymbol type) => type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic;

        // List<T>, T[], Dictionary<string, T>: the element type the payload fills.
        private static ITypeSymbol ElementOf(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: > 0 } arguments } when type.SpecialType == SpecialType.None
                && type.AllInterfaces.Length > 0 && IsCollection(type) => arguments[arguments.Length - 1],
            _ => type,
        };

        private static bool IsCollection(ITypeSymbol type)
        {
            foreach (var contract in type.AllInterfaces)
            {
                if (contract.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
