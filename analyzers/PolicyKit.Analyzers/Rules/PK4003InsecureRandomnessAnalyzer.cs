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
            if (Analysis.Create(start.Compilation) is not { } analysis)
            {
                return;
            }

            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzePropertyReference, OperationKind.PropertyReference);
            start.RegisterOperationAction(analysis.AnalyzeRemainder, OperationKind.Binary);
        });
    }

    /// <summary>The sources and the flow to a security value, shared with <see cref="PK4003RandomHelperCallAnalyzer"/>.</summary>
    internal sealed class Analysis
    {
        private readonly INamedTypeSymbol random;
        private readonly INamedTypeSymbol? guid;
        private readonly INamedTypeSymbol? dateTime;
        private readonly INamedTypeSymbol? dateTimeOffset;
        private readonly INamedTypeSymbol? environment;
        private readonly INamedTypeSymbol? stopwatch;

        private Analysis(INamedTypeSymbol random, INamedTypeSymbol? guid, INamedTypeSymbol? dateTime, INamedTypeSymbol? dateTimeOffset, INamedTypeSymbol? environment, INamedTypeSymbol? stopwatch)
        {
            this.random = random;
            this.guid = guid;
            this.dateTime = dateTime;
            this.dateTimeOffset = dateTimeOffset;
            this.environment = environment;
            this.stopwatch = stopwatch;
        }

        /// <summary>The analysis for <paramref name="compilation"/>, or null when System.Random is not referenced.</summary>
        public static Analysis? Create(Compilation compilation)
        {
            var random = WellKnownTypes.Get(compilation, "System.Random");
            return random is null
                ? null
                : new Analysis(
                    random,
                    WellKnownTypes.Get(compilation, "System.Guid"),
                    WellKnownTypes.Get(compilation, "System.DateTime"),
                    WellKnownTypes.Get(compilation, "System.DateTimeOffset"),
                    WellKnownTypes.Get(compilation, "System.Environment"),
                    WellKnownTypes.Get(compilation, "System.Diagnostics.Stopwatch"));
        }

        /// <summary>Whether <paramref name="method"/> draws a value from System.Random (not Shuffle or object members).</summary>
        public bool IsRandomDraw(IMethodSymbol method) =>
            !method.IsStatic && IsRandomMethod(method) && method.Name is not ("Shuffle" or "Equals" or "GetHashCode" or "ToString" or "GetType");

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
                // A buffer filled in a method that returns something is that method's result (ApiKeys.Create).
                var target = method.Name == "NextBytes" && invocation.Arguments.Length == 1
                    ? NameOfStorage(invocation.Arguments[0].Value) is { } buffer && SecurityNames.Classify(buffer) != SecurityNameKind.Neutral
                        ? (buffer, SecurityNames.Classify(buffer))
                        : MemberTarget(invocation, context.ContainingSymbol, holder: true)
                    : FindTarget(invocation, context.ContainingSymbol, allowText: true);
                Report(context, invocation, "System.Random", target);
                return;
            }

            if (method.IsStatic && method.Name == "NewGuid" && SymbolEqualityComparer.Default.Equals(method.ContainingType, guid)
                && GuidFragment(invocation) is { } fragment)
            {
                Report(context, fragment, "Guid.NewGuid() fragment", FindTarget(fragment, context.ContainingSymbol, allowText: true));
                return;
            }

            if (ClockReading(invocation) is { } clock)
            {
                Report(context, invocation, clock, FindTarget(invocation, context.ContainingSymbol, allowText: false));
            }
        }

        /// <summary>
        /// <c>(email.Length * 7919 + DateTime.UtcNow.DayOfYear) % 1_000_000</c>: a code computed only from the caller's
        /// inputs, constants and the clock has no secret in it; anyone who knows the formula computes it too.
        /// </summary>
        public void AnalyzeRemainder(OperationAnalysisContext context)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (binary.OperatorKind != BinaryOperatorKind.Remainder || binary.RightOperand.ConstantValue is not { HasValue: true }
                || binary.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64))
            {
                return;
            }

            // A bare parameter reduced (binary % 1_000_000 in a TOTP helper handed the HMAC output) keeps the caller's
            // entropy; a formula mixes public inputs (a multiplier, a hash code, a length, the date) into the code.
            var inputs = 0;
            var mixed = false;
            if (PublicInputs(binary.LeftOperand, ref inputs, ref mixed, depth: 0) && inputs > 0 && mixed)
            {
                Report(context, binary, "a formula over public inputs", FindTarget(binary, context.ContainingSymbol, allowText: false));
            }
        }

        /// <summary>Whether every leaf is a constant, a parameter (or its property) or the clock, counting the non-constant ones.</summary>
        private bool PublicInputs(IOperation operation, ref int inputs, ref bool mixed, int depth)
        {
            if (depth > 12)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return PublicInputs(conversion.Operand, ref inputs, ref mixed, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return PublicInputs(parenthesized.Operand, ref inputs, ref mixed, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Remainder or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Divide } arithmetic:
                    mixed |= arithmetic.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.ExclusiveOr;
                    return PublicInputs(arithmetic.LeftOperand, ref inputs, ref mixed, depth + 1) && PublicInputs(arithmetic.RightOperand, ref inputs, ref mixed, depth + 1);
                case IParameterReferenceOperation:
                    inputs++;
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance }:
                    mixed = true;
                    return PublicInputs(instance, ref inputs, ref mixed, depth + 1);
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } clock }:
                    inputs++;
                    mixed = true;
                    return IsClockType(clock.ContainingType);
                case IInvocationOperation { TargetMethod.Name: "GetHashCode", Instance: { } hashed, Arguments.Length: 0 }:
                    mixed = true;
                    return PublicInputs(hashed, ref inputs, ref mixed, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary><c>DateTime.UtcNow.ToBinary()</c>, <c>DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()</c>, <c>Stopwatch.GetTimestamp()</c>.</summary>
        private string? ClockReading(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic)
            {
                return method.Name == "GetTimestamp" && SymbolEqualityComparer.Default.Equals(method.ContainingType, stopwatch) ? "Stopwatch.GetTimestamp()" : null;
            }

            if (method.Name is "ToBinary" or "ToFileTime" or "ToFileTimeUtc" or "ToUnixTimeSeconds" or "ToUnixTimeMilliseconds" or "ToOADate"
                && invocation.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } clock }
                && IsClockType(clock.ContainingType))
            {
                return clock.ContainingType.Name + "." + clock.Name + "." + method.Name + "()";
            }

            return null;
        }

        private bool IsClockType(ITypeSymbol? type) =>
            SymbolEqualityComparer.Default.Equals(type, dateTime) || SymbolEqualityComparer.Default.Equals(type, dateTimeOffset);

        public void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            string? source = null;
            if (property.Name is "Ticks" && reference.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } clock }
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
        public (string? Name, SecurityNameKind Kind) FindTarget(IOperation source, ISymbol containing, bool allowText)
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
                        if (ArgumentTarget(argument, ref parent, mixedStops: !allowText) is { } decided)
                        {
                            return decided;
                        }

                        if (parent is null)
                        {
                            return allowText ? MemberTarget(argument, containing) : default;
                        }

                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return Decide(declarator.Symbol.Name, declarator, containing, memberFallback: allowText);
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

                        return MemberTarget(parent, containing, holder: true);
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
        /// <remarks>
        /// With <paramref name="mixedStops"/> (clock readings, formulas) a call that also takes other data stops the
        /// flow: <c>Totp.Compute(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30)</c> is keyed, not the clock.
        /// </remarks>
        private (string?, SecurityNameKind)? ArgumentTarget(IArgumentOperation argument, ref IOperation? next, bool mixedStops)
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

                // new ShareLink(Random.Shared.NextInt64(), ownerId): the value is what makes the link unguessable.
                if (owner is IObjectCreationOperation { Type: { } made } && SecurityNames.NamesSecretHolder(made.Name))
                {
                    return (made.Name, SecurityNameKind.SecurityValue);
                }
            }

            if (mixedStops && (owner is IObjectCreationOperation || HasOtherInput(owner, argument)))
            {
                return default((string?, SecurityNameKind));
            }

            next = owner switch
            {
                IObjectCreationOperation made => made,
                IInvocationOperation call when !call.TargetMethod.ReturnsVoid && !IsPlainTask(call.TargetMethod.ReturnType) => call,
                _ => null,
            };
            return null;
        }

        /// <summary>
        /// A neutral name hands over to the member (GenerateToken's <c>var index</c>) unless
        /// <paramref name="memberFallback"/> is off: a clock reading kept in <c>var counter</c> inside GenerateTotp is
        /// an input to the algorithm, not the code.
        /// </summary>
        private static (string?, SecurityNameKind) Decide(string name, IOperation at, ISymbol containing, bool memberFallback = true)
        {
            var kind = SecurityNames.Classify(name);
            return kind != SecurityNameKind.Neutral ? (name, kind) : memberFallback ? MemberTarget(at, containing) : default;
        }

        private static bool HasOtherInput(IOperation? owner, IArgumentOperation argument)
        {
            var arguments = owner switch
            {
                IInvocationOperation call => call.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault)
            {
                return false;
            }

            foreach (var other in arguments)
            {
                if (!ReferenceEquals(other, argument) && other.ArgumentKind != ArgumentKind.DefaultValue && !other.Value.ConstantValue.HasValue)
                {
                    return true;
                }
            }

            return owner is IInvocationOperation { Instance: { } instance } && instance.ConstantValue.HasValue is false
                && instance is not IInstanceReferenceOperation;
        }

        /// <summary>
        /// The method, local function or property the value is produced in (GenerateToken, NewSalt). With
        /// <paramref name="holder"/>, a result with a neutral name (Create, Number) is named by its type when that
        /// names a secret (ApiKeys.Create, GiftCards.Number).
        /// </summary>
        private static (string?, SecurityNameKind) MemberTarget(IOperation at, ISymbol containing, bool holder = false)
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
            if (name is null)
            {
                return default;
            }

            var kind = SecurityNames.Classify(name);
            return kind == SecurityNameKind.Neutral && holder && HolderOf(containing) is { } type ? (type, SecurityNameKind.SecurityValue) : (name, kind);
        }

        private static string? HolderOf(ISymbol containing) =>
            containing is IMethodSymbol { ReturnsVoid: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet, ContainingType: { } type }
                && SecurityNames.NamesSecretHolder(type.Name)
                ? type.Name
                : null;

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
