using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK4003: System.Random, time or GUID fragments used for a token, code, password, salt or key (MN-15, MIC-69, A.11.2.3).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK4003InsecureRandomnessAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.InsecureRandomness,
        RuleCategory.Cryptography,
        DiagnosticSeverity.Warning,
        cwe: new[] { 330, 338 },
        controls: new[] { "MN-15", "MIC-69", "A.11.2.3" });

    private const int MaximumFlowSteps = 32;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var random = WellKnownTypes.Get(start.Compilation, "System.Random");
            var guid = WellKnownTypes.Get(start.Compilation, "System.Guid");
            var dateTime = WellKnownTypes.Get(start.Compilation, "System.DateTime");
            var dateTimeOffset = WellKnownTypes.Get(start.Compilation, "System.DateTimeOffset");
            var environment = WellKnownTypes.Get(start.Compilation, "System.Environment");
            if (random is null)
            {
                return;
            }

            var analysis = new Analysis(random, guid, dateTime, dateTimeOffset, environment);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzePropertyReference, OperationKind.PropertyReference);
        });
    }

    private sealed class Analysis
    {
        private readonly INamedTypeSymbol random;
        private readonly INamedTypeSymbol? guid;
        private readonly INamedTypeSymbol? dateTime;
        private readonly INamedTypeSymbol? dateTimeOffset;
        private readonly INamedTypeSymbol? environment;

        public Analysis(INamedTypeSymbol random, INamedTypeSymbol? guid, INamedTypeSymbol? dateTime, INamedTypeSymbol? dateTimeOffset, INamedTypeSymbol? environment)
        {
            this.random = random;
            this.guid = guid;
            this.dateTime = dateTime;
            this.dateTimeOffset = dateTimeOffset;
            this.environment = environment;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic && IsRandomMethod(method))
            {
                if (method.Name is "Shuffle" or "Equals" or "GetHashCode" or "ToString" or "GetType")
                {
                    return;
                }

                // random.NextBytes(salt): the value lands in the argument, not in the call's result.
                var target = method.Name == "NextBytes" && invocation.Arguments.Length == 1
                    ? NameOfStorage(invocation.Arguments[0].Value) is { } buffer && SecurityNames.Classify(buffer) != SecurityNameKind.Neutral
                        ? (buffer, SecurityNames.Classify(buffer))
                        : MemberTarget(invocation, context.ContainingSymbol)
                    : FindTarget(invocation, context.ContainingSymbol, allowText: true);
                Report(context, invocation, "System.Random", target);
                return;
            }

            if (method.IsStatic && method.Name == "NewGuid" && SymbolEqualityComparer.Default.Equals(method.ContainingType, guid)
                && GuidFragment(invocation) is { } fragment)
            {
                Report(context, fragment, "Guid.NewGuid() fragment", FindTarget(fragment, context.ContainingSymbol, allowText: true));
            }
        }

        public void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            string? source = null;
            if (property.Name == "Ticks" && reference.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } clock }
                && (SymbolEqualityComparer.Default.Equals(clock.ContainingType, dateTime) || SymbolEqualityComparer.Default.Equals(clock.ContainingType, dateTimeOffset)))
            {
                source = clock.ContainingType.Name + "." + clock.Name + ".Ticks";
            }
            else if (property.IsStatic && property.Name is "TickCount" or "TickCount64" && SymbolEqualityComparer.Default.Equals(property.ContainingType, environment))
            {
                source = "Environment." + property.Name;
            }

            if (source is not null)
            {
                // A timestamp inside a larger text (a signed payload, a file name) is not the secret itself.
                Report(context, reference, source, FindTarget(reference, context.ContainingSymbol, allowText: false));
            }
        }

        private bool IsRandomMethod(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.ContainingType, random))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Where a value made from a predictable source ends up, and what that name says about it.</summary>
        private (string? Name, SecurityNameKind Kind) FindTarget(IOperation source, ISymbol containing, bool allowText)
        {
            var current = source;
            for (var step = 0; step < MaximumFlowSteps; step++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return MemberTarget(current, containing);
                    case IConversionOperation or IDelegateCreationOperation or IArrayInitializerOperation or IArrayCreationOperation
                        or ICoalesceOperation or IImplicitIndexerReferenceOperation:
                        break;
                    case IArrayElementReferenceOperation element when !ReferenceEquals(element.ArrayReference, current):
                        break;
                    case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                        break;
                    case IBinaryOperation binary:
                        if (IsComparison(binary.OperatorKind) || (!allowText && binary.Type?.SpecialType == SpecialType.System_String))
                        {
                            return default;
                        }

                        break;
                    case IInterpolationOperation:
                        if (!allowText || parent.Parent is null)
                        {
                            return default;
                        }

                        parent = parent.Parent;
                        break;
                    case IInvocationOperation call when ReferenceEquals(call.Instance, current):
                        if (call.TargetMethod.ReturnsVoid)
                        {
                            return MemberTarget(call, containing);
                        }

                        break;
                    case IArgumentOperation argument:
                        if (ArgumentTarget(argument, ref parent) is { } decided)
                        {
                            return decided;
                        }

                        if (parent is null)
                        {
                            return MemberTarget(argument, containing);
                        }

                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return Decide(declarator.Symbol.Name, declarator, containing);
                    case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                        return NameOfStorage(assignment.Target) is { } stored ? Decide(stored, assignment, containing) : MemberTarget(assignment, containing);
                    case IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties }:
                        return Decide(properties[0].Name, parent, containing);
                    case IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields }:
                        return Decide(fields[0].Name, parent, containing);
                    case IReturnOperation:
                        // Inside a lambda the value flows on to whatever receives the lambda (Select(_ => chars[r.Next()])).
                        var function = EnclosingFunction(parent);
                        if (function is IAnonymousFunctionOperation lambda)
                        {
                            parent = lambda;
                            break;
                        }

                        return MemberTarget(parent, containing);
                    default:
                        return MemberTarget(current, containing);
                }

                current = parent;
            }

            return default;
        }

        /// <summary>
        /// A parameter named like a secret decides (SendCode(user, code: …)); one named like a delay stops the flow
        /// (Task.Delay(r.Next(100, 500))). Otherwise the value flows into the call's result, or stops at a call
        /// that returns nothing. Seeds of a new Random are judged where that Random is used.
        /// </summary>
        private (string?, SecurityNameKind)? ArgumentTarget(IArgumentOperation argument, ref IOperation? next)
        {
            var owner = argument.Parent;
            if (owner is IPropertyReferenceOperation)
            {
                next = owner;
                return null;
            }

            if (owner is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, random))
            {
                return default((string?, SecurityNameKind));
            }

            if (argument.Parameter is { } parameter)
            {
                var kind = SecurityNames.Classify(parameter.Name, bareKeyIsSecret: false);
                if (kind != SecurityNameKind.Neutral)
                {
                    return (parameter.Name, kind);
                }
            }

            next = owner switch
            {
                IObjectCreationOperation made => made,
                IInvocationOperation call when !call.TargetMethod.ReturnsVoid && !IsPlainTask(call.TargetMethod.ReturnType) => call,
                _ => null,
            };
            return null;
        }

        private static (string?, SecurityNameKind) Decide(string name, IOperation at, ISymbol containing)
        {
            var kind = SecurityNames.Classify(name);
            return kind == SecurityNameKind.Neutral ? MemberTarget(at, containing) : (name, kind);
        }

        /// <summary>The method, local function or property the value is produced in (GenerateToken, NewSalt).</summary>
        private static (string?, SecurityNameKind) MemberTarget(IOperation at, ISymbol containing)
        {
            string? name = null;
            for (var current = at.Parent; current is not null && name is null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local)
                {
                    name = local.Symbol.Name;
                }
            }

            name ??= containing switch
            {
                IMethodSymbol { AssociatedSymbol: { } associated } => associated.Name,
                IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method.Name,
                IFieldSymbol or IPropertySymbol => containing.Name,
                _ => null,
            };
            return name is null ? default : (name, SecurityNames.Classify(name));
        }

        private static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>Guid.NewGuid().ToString("N").Substring(0, 8), …[..6], .GetHashCode(): part of a GUID, far fewer than 122 random bits.</summary>
        private static IOperation? GuidFragment(IInvocationOperation newGuid)
        {
            IOperation current = newGuid;
            for (var step = 0; step < 6; step++)
            {
                var parent = current.Parent;
                if (parent is IConversionOperation)
                {
                    current = parent;
                    continue;
                }

                if (parent is IImplicitIndexerReferenceOperation)
                {
                    return parent;
                }

                if (parent is not IInvocationOperation call || !ReferenceEquals(call.Instance, current))
                {
                    return null;
                }

                switch (call.TargetMethod.Name)
                {
                    case "ToString" or "Replace" or "ToUpper" or "ToUpperInvariant" or "ToLower" or "ToLowerInvariant" or "Trim":
                        current = call;
                        continue;
                    case "Substring" or "Remove" or "AsSpan" or "GetHashCode" or "Take" or "Split":
                        return call;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static string? NameOfStorage(IOperation? target)
        {
            while (target is IConversionOperation conversion)
            {
                target = conversion.Operand;
            }

            return target switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IArrayElementReferenceOperation element => NameOfStorage(element.ArrayReference),
                _ => null,
            };
        }

        private static bool IsPlainTask(ITypeSymbol type) =>
            type is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" };

        private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals;

        private static void Report(OperationAnalysisContext context, IOperation at, string source, (string? Name, SecurityNameKind Kind) target)
        {
            if (target.Kind == SecurityNameKind.SecurityValue && target.Name is { } name)
            {
                context.Report(Rule, at.Syntax.GetLocation(), source, name);
            }
        }
    }
}
