using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Symbols;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Flow.Taint;
using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK1009: insecure direct object reference, needs review: a route or query id used as the key of a data access to an
/// owned record, without an owner filter, an authorization call or a role/policy restriction (IPA-009, A.11.6.1, MIC-63).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1009InsecureDirectObjectReferenceAnalyzer : DiagnosticAnalyzer
{
    // Info by default: the owner check may live where source analysis cannot see it (a filter, a query filter in
    // another assembly, a stored procedure). "Needs review" is the honest claim.
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.InsecureDirectObjectReference, RuleCategory.Authorization, DiagnosticSeverity.Info,
        cwe: new[] { 639 }, controls: new[] { "IPA-009", "A.11.6.1", "MIC-63" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (TaintEngine.For(start) is not { } engine)
            {
                return;
            }

            var checker = new Checker(engine);
            start.RegisterOperationAction(checker.Analyze, OperationKind.Invocation);
        });
    }

    private sealed class Checker
    {
        private const int MaxServiceDepth = 2;

        private static readonly string[] OrdinaryRoles = { "User", "Customer", "Member", "Client", "Buyer", "Shopper", "Subscriber", "Patient", "Student", "Guest", "Consumer", "Resident", "Applicant" };

        private readonly TaintEngine _engine;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), KeyedAccess?[]> _services = new(MethodBudgetKeyComparer.Instance);
        private volatile HashSet<ITypeSymbol>? _queryFiltered;
        private readonly object _filterLock = new();

        public Checker(TaintEngine engine) => _engine = engine;

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (Endpoint(invocation, context.ContainingSymbol, context.CancellationToken) is not { } endpoint)
            {
                return;
            }

            Func<ISymbol, bool> isKey = symbol => IsIdInput(symbol, endpoint.Method);
            KeyedAccess? access = OwnedRecordAccess.Keyed(invocation, isKey);
            var via = "";
            if (access is null)
            {
                (access, via) = ThroughService(invocation, isKey, context.CancellationToken);
            }

            if (access is not { } found || !OwnedRecordAccess.IsOwned(found.Entity)
                || (QueryFiltered(found.Entity, context.CancellationToken) && !IgnoresQueryFilters(invocation))
                || OwnedRecordAccess.ChecksCaller(endpoint.Body, isKey) || IsRestricted(endpoint))
            {
                return;
            }

            context.Report(Rule, invocation.Syntax.GetLocation(), endpoint.Name, found.Key.Name, via.Length == 0 ? found.Name : via + " → " + found.Name);
        }

        // db.Invoices.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == id): the global filter that scoped the
        // records is switched off for this query, so it no longer stands for an owner check.
        private static bool IgnoresQueryFilters(IInvocationOperation invocation)
        {
            IOperation? current = invocation;
            for (var step = 0; step < 32 && current is not null; step++)
            {
                switch (current)
                {
                    case IInvocationOperation call:
                        if (call.TargetMethod.Name == "IgnoreQueryFilters")
                        {
                            return true;
                        }

                        current = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                        break;
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>A call to a project method that uses its argument as the key of an owned record, without checking the caller.</summary>
        private (KeyedAccess? Access, string Via) ThroughService(IInvocationOperation invocation, Func<ISymbol, bool> isKey, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.IsEmpty && !(method.IsAbstract && method.ContainingType?.TypeKind == TypeKind.Interface))
            {
                return (null, "");
            }

            var userLocals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            KeyedAccess? result = null;
            foreach (var argument in invocation.Arguments)
            {
                if (OwnedRecordAccess.IsUserDerived(argument.Value, userLocals))
                {
                    // GetOrderAsync(id, userId): the caller's identity goes in, so the service can filter by it.
                    return (null, "");
                }

                if (result is null && argument.Parameter is { } parameter && OwnedRecordAccess.KeySymbol(argument.Value, isKey) is { } key)
                {
                    var keyed = KeyedParameters(method, 1, cancellationToken);
                    if (parameter.Ordinal < keyed.Length && keyed[parameter.Ordinal] is { } inner)
                    {
                        result = new KeyedAccess(key, inner.Entity, inner.Name);
                    }
                }
            }

            return (result, method.ContainingType?.Name + "." + method.Name);
        }

        /// <summary>Per parameter of a project method: the owned-record access it is the key of, unchecked, or null.</summary>
        private KeyedAccess?[] KeyedParameters(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            var key = (method.OriginalDefinition, depth);
            if (_services.TryGetValue(key, out var known))
            {
                return known;
            }

            return _services.GetOrAdd(key, ComputeKeyedParameters(key.OriginalDefinition, depth, cancellationToken));
        }

        private KeyedAccess?[] ComputeKeyedParameters(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            var result = new KeyedAccess?[method.Parameters.Length];
            if (depth > MaxServiceDepth || method.Parameters.Length == 0)
            {
                return result;
            }

            foreach (var body in Bodies(method, cancellationToken))
            {
                var owner = body.Method;
                Func<ISymbol, bool> isParameter = symbol => symbol is IParameterSymbol p && SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, owner);
                if (OwnedRecordAccess.ChecksCaller(body.Body, isParameter))
                {
                    continue;
                }

                foreach (var operation in body.Body.Descendants())
                {
                    if (operation is not IInvocationOperation call)
                    {
                        continue;
                    }

                    var access = OwnedRecordAccess.Keyed(call, isParameter);
                    if (access is null && !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                    {
                        access = Nested(call, isParameter, depth, cancellationToken);
                    }

                    if (access is { Key: IParameterSymbol parameter } found && OwnedRecordAccess.IsOwned(found.Entity) && !QueryFiltered(found.Entity, cancellationToken)
                        && parameter.Ordinal < result.Length)
                    {
                        result[parameter.Ordinal] ??= found;
                    }
                }
            }

            return result;
        }

        private KeyedAccess? Nested(IInvocationOperation call, Func<ISymbol, bool> isParameter, int depth, CancellationToken cancellationToken)
        {
            var inner = KeyedParameters(call.TargetMethod, depth + 1, cancellationToken);
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < inner.Length && inner[parameter.Ordinal] is { } found
                    && OwnedRecordAccess.KeySymbol(argument.Value, isParameter) is { } key)
                {
                    return new KeyedAccess(key, found.Entity, found.Name);
                }
            }

            return null;
        }

        /// <summary>The bodies a call may run: the method's own, or every implementation in the project of an interface method.</summary>
        private IEnumerable<(IMethodSymbol Method, IOperation Body)> Bodies(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract && method.ContainingType is { TypeKind: TypeKind.Interface })
            {
                foreach (var implementation in _engine.ImplementationsOf(method, cancellationToken))
                {
                    if (_engine.BodyOf(implementation, cancellationToken) is { } body)
                    {
                        yield return (implementation, body);
                    }
                }

                yield break;
            }

            if (_engine.CanSummarize(method) && _engine.BodyOf(method, cancellationToken) is { } own)
            {
                yield return (method, own);
            }
        }

        /// <summary>Record types with an EF Core global query filter (<c>HasQueryFilter</c>), which scopes every query.</summary>
        private bool QueryFiltered(ITypeSymbol entity, CancellationToken cancellationToken)
        {
            var filtered = _queryFiltered;
            if (filtered is null)
            {
                lock (_filterLock)
                {
                    filtered = _queryFiltered ??= FindQueryFilters(cancellationToken);
                }
            }

            return filtered.Contains(entity.OriginalDefinition);
        }

        private HashSet<ITypeSymbol> FindQueryFilters(CancellationToken cancellationToken)
        {
            var found = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in _engine.Compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasQueryFilter" } }
                        && _engine.SemanticModelFor(tree).GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol { ContainingType: INamedTypeSymbol builder }
                        && builder.TypeArguments.Length == 1)
                    {
                        found.Add(builder.TypeArguments[0].OriginalDefinition);
                    }
                }
            }

            return found;
        }

        /// <summary>A route/query id: a parameter or bound property of the endpoint named <c>id</c> or <c>…Id</c>, of a key type.</summary>
        private static bool IsIdInput(ISymbol symbol, IMethodSymbol endpoint)
        {
            ITypeSymbol type;
            switch (symbol)
            {
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, endpoint):
                    if (HasAttribute(parameter, "FromBodyAttribute") || HasAttribute(parameter, "FromServicesAttribute") || HasAttribute(parameter, "FromKeyedServicesAttribute"))
                    {
                        return false;
                    }

                    type = parameter.Type;
                    break;
                case IPropertySymbol property when HasAttribute(property, "BindPropertyAttribute") || HasAttribute(property, "FromRouteAttribute") || HasAttribute(property, "FromQueryAttribute"):
                    type = property.Type;
                    break;
                default:
                    return false;
            }

            var name = symbol.Name;
            var idName = string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) || (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal));
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return idName && (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_String
                || TypeNames.Is(type, "System", "Guid"));
        }

        private sealed class EndpointInfo
        {
            public EndpointInfo(IMethodSymbol method, IOperation body, string name, IInvocationOperation? map)
            {
                Method = method;
                Body = body;
                Name = name;
                Map = map;
            }

            public IMethodSymbol Method { get; }

            public IOperation Body { get; }

            public string Name { get; }

            /// <summary>The <c>Map*</c> call of a minimal-API handler, for its conventions.</summary>
            public IInvocationOperation? Map { get; }
        }

        private EndpointInfo? Endpoint(IOperation operation, ISymbol containing, CancellationToken cancellationToken)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda)
                {
                    return MapOf(lambda) is { } map ? new EndpointInfo(lambda.Symbol, lambda.Body, map.TargetMethod.Name + Route(map), map) : null;
                }

                if (current is ILocalFunctionOperation)
                {
                    return null;
                }
            }

            if (containing is not IMethodSymbol method || !_engine.Sources.IsEndpointMethod(method, cancellationToken))
            {
                return null;
            }

            return new EndpointInfo(method, SourceMethodBodies.Root(operation), (method.ContainingType?.Name ?? "") + "." + method.Name, null);
        }

        private static IInvocationOperation? MapOf(IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
            while (parent is IConversionOperation conversion)
            {
                parent = conversion.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation map } && map.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal)
                && TypeNames.InNamespace(map.TargetMethod.ContainingType?.ContainingNamespace, "Microsoft.AspNetCore.Builder")
                ? map : null;
        }

        private static string Route(IInvocationOperation map) =>
            TaintSinks.Argument(map.Arguments, "pattern") is { ConstantValue: { HasValue: true, Value: string pattern } } ? "(\"" + pattern + "\")" : "";

        /// <summary>Restricted to a role or policy: <c>[Authorize(Roles = …)]</c>, <c>[Authorize(Policy = …)]</c>, <c>RequireAuthorization("…")</c>.</summary>
        private static bool IsRestricted(EndpointInfo endpoint)
        {
            if (RestrictsByAttribute(endpoint.Method))
            {
                return true;
            }

            for (var type = endpoint.Method.ContainingType; type is not null; type = type.BaseType)
            {
                if (RestrictsByAttribute(type))
                {
                    return true;
                }
            }

            return endpoint.Map is { } map && (RestrictedAbove(map) || RestrictedGroup(map.Arguments.Length > 0 ? map.Arguments[0].Value : null, 0));
        }

        private static bool RestrictsByAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is not { } type || !type.Name.StartsWith("Authorize", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!attribute.ConstructorArguments.IsEmpty && attribute.ConstructorArguments[0].ValueOrNull() is string { Length: > 0 })
                {
                    return true;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if ((named.Key == "Policy" && named.Value.ValueOrNull() is string { Length: > 0 })
                        || (named.Key == "Roles" && named.Value.ValueOrNull() is string { Length: > 0 } roles && !AdmitsOrdinaryAccounts(roles)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>app.MapGet(…).RequireAuthorization("Admin")</c>, or with a policy builder.</summary>
        private static bool RestrictedAbove(IInvocationOperation map)
        {
            IOperation current = map;
            for (var steps = 0; steps < 8; steps++)
            {
                while (current.Parent is IConversionOperation conversion)
                {
                    current = conversion;
                }

                if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation convention })
                {
                    return false;
                }

                if (IsRestrictingConvention(convention))
                {
                    return true;
                }

                current = convention;
            }

            return false;
        }

        /// <summary>A group built as <c>app.MapGroup("/admin").RequireAuthorization("Admin")</c>, directly or through a local.</summary>
        private static bool RestrictedGroup(IOperation? builder, int depth)
        {
            while (builder is IConversionOperation conversion)
            {
                builder = conversion.Operand;
            }

            if (depth > 6 || builder is null)
            {
                return false;
            }

            switch (builder)
            {
                case IInvocationOperation call:
                    return IsRestrictingConvention(call) || (call.Arguments.Length > 0 && RestrictedGroup(call.Arguments[0].Value, depth + 1));
                case ILocalReferenceOperation local:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                            && local.SemanticModel?.SyntaxTree == value.SyntaxTree && local.SemanticModel.GetOperation(value) is { } initial)
                        {
                            return RestrictedGroup(initial, depth + 1);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool IsRestrictingConvention(IInvocationOperation call)
        {
            if (call.TargetMethod.Name != "RequireAuthorization")
            {
                return false;
            }

            // Arguments after the builder name policies, roles or a policy: more than "signed in".
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { Ordinal: > 0 } || argument.ArgumentKind == ArgumentKind.DefaultValue
                    || (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: null or { ElementValues.Length: 0 } }))
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        // [Authorize(Roles = "Customer")]: a role every signed-up account holds separates no one from anyone else's
        // records; it is the plain [Authorize] of a shop, a portal or a clinic. Roles in one list are alternatives,
        // so "Customer,Support" admits every customer too.
        private static bool AdmitsOrdinaryAccounts(string roles)
        {
            foreach (var role in roles.Split(','))
            {
                var name = role.Trim();
                foreach (var word in OrdinaryRoles)
                {
                    if (string.Equals(name, word, StringComparison.OrdinalIgnoreCase) || string.Equals(name, word + "s", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, string name)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (data.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
