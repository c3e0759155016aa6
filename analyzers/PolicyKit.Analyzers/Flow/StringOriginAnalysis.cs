using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Answers "is this string built from non-constant pieces, and how?" for a value inside a method body. It follows,
/// flow-insensitively, every assignment to a local (including <c>+=</c>), fields assigned in the same body,
/// <c>StringBuilder</c> locals and chains, collections fed to <c>string.Join</c>, and small helpers in the same file
/// (their returned value is summarised per method and depth, then mapped onto the call's arguments).
/// Create one per compilation; it is safe to use from concurrent callbacks.
/// </summary>
internal sealed class StringOriginAnalysis
{
    /// <summary>How many helper calls deep the analysis follows (the same bound SCS and CA3001 use).</summary>
    public const int MaxHelperDepth = 3;

    /// <summary>
    /// Operations one walk may visit, counting every step of its scans for a local's assignments. A walk that runs out
    /// answers "opaque" (not built, so not reported): the budget can only lose PK1001 findings, and PK9003 says so.
    /// </summary>
    public const int OperationBudget = 200_000;

    /// <summary>How deep one walk may recurse (a chain of locals, each built from the previous one).</summary>
    public const int MaxNesting = 400;

    private readonly INamedTypeSymbol? _stringBuilder;
    private readonly INamedTypeSymbol? _formatProvider;
    private readonly INamedTypeSymbol? _compositeFormat;
    private readonly INamedTypeSymbol? _enumerable;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), StringOrigin?> _returns =
        new(MethodBudgetKeyComparer.Instance);

    private readonly Taint.DeclaredDataFlow? _declared;
    private readonly System.Func<SyntaxTree, SemanticModel>? _otherTrees;

    /// <param name="compilation">The compilation analysed.</param>
    /// <param name="declared">The adopter's declared sanitizers.</param>
    /// <param name="otherTrees">
    /// The taint engine's per-tree semantic models: with it, a string helper declared in another file (a query builder)
    /// is summarised too; without it, only helpers in the tree being analysed are read.
    /// </param>
    public StringOriginAnalysis(Compilation compilation, Taint.DeclaredDataFlow? declared = null, System.Func<SyntaxTree, SemanticModel>? otherTrees = null)
    {
        _declared = declared;
        _otherTrees = otherTrees;
        _stringBuilder = WellKnownTypes.Get(compilation, "System.Text.StringBuilder");
        _formatProvider = WellKnownTypes.Get(compilation, "System.IFormatProvider");
        _compositeFormat = WellKnownTypes.Get(compilation, "System.Text.CompositeFormat");
        _enumerable = WellKnownTypes.Get(compilation, "System.Linq.Enumerable");
    }

    /// <summary>
    /// How <paramref name="value"/> was built. Parameters of <paramref name="owner"/> are tracked by ordinal (for
    /// summaries); with no owner every parameter is reported as <see cref="StringBuildKind.Parameter"/>.
    /// </summary>
    public StringOrigin Analyze(IOperation value, IMethodSymbol? owner, CancellationToken cancellationToken) =>
        Analyze(value, owner, out _, cancellationToken);

    /// <summary>As above, also saying whether the walk ran out of <see cref="OperationBudget"/> (PK9003).</summary>
    public StringOrigin Analyze(IOperation value, IMethodSymbol? owner, out AnalysisLimit limit, CancellationToken cancellationToken)
    {
        var walker = new Walker(this, SourceMethodBodies.Root(value), owner, MaxHelperDepth, cancellationToken);
        var result = walker.Visit(value);
        limit = walker.Limit;
        return result;
    }

    /// <summary>
    /// The summary of what <paramref name="method"/> returns, with its parameters as placeholders; null when the
    /// method is not a helper whose body can be read (see <see cref="SourceMethodBodies.Get"/>).
    /// </summary>
    public StringOrigin? SummarizeReturn(IMethodSymbol method, SemanticModel model, int budget, CancellationToken cancellationToken)
    {
        var key = (method.OriginalDefinition, budget);
        if (_returns.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var computed = ComputeReturn(key.OriginalDefinition, model, budget, cancellationToken);
        return _returns.GetOrAdd(key, computed);
    }

    private StringOrigin? ComputeReturn(IMethodSymbol method, SemanticModel model, int budget, CancellationToken cancellationToken)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        // QueryBuilder.CustomersInCountry(country) declared in another file: read with that file's model.
        if (_otherTrees is not null && method.DeclaringSyntaxReferences.Length == 1
            && method.DeclaringSyntaxReferences[0].SyntaxTree is var tree && tree != model.SyntaxTree)
        {
            model = _otherTrees(tree);
        }

        if (SourceMethodBodies.Get(method, model, cancellationToken) is not { } body)
        {
            return null;
        }

        var walker = new Walker(this, method.MethodKind == MethodKind.LocalFunction ? SourceMethodBodies.Root(body) : body, method, budget, cancellationToken);
        var result = StringOrigin.Constant;
        var any = false;
        foreach (var operation in SourceMethodBodies.OwnOperations(body))
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned })
            {
                result = result.Or(walker.Visit(returned));
                any = true;
            }
        }

        return any ? result : StringOrigin.Opaque;
    }

    // By name: System.Environment is forwarded by several reference assemblies, so a metadata-name lookup can be ambiguous.
    private static bool IsSystemType(INamedTypeSymbol? type, string name) =>
        type is { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && type.Name == name;

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    /// <summary>One walk over one body; carries the cycle guard for locals and the remaining helper depth.</summary>
    private sealed class Walker
    {
        private readonly StringOriginAnalysis _analysis;
        private readonly IOperation _root;
        private readonly IMethodSymbol? _owner;
        private readonly int _budget;
        private readonly CancellationToken _cancellationToken;
        private HashSet<ISymbol>? _visiting;
        private int _operations;
        private int _nesting;

        public Walker(StringOriginAnalysis analysis, IOperation root, IMethodSymbol? owner, int budget, CancellationToken cancellationToken)
        {
            _analysis = analysis;
            _root = root;
            _owner = owner;
            _budget = budget;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Set when the walk ran out of budget or nesting; its answer is then incomplete.</summary>
        public AnalysisLimit Limit { get; private set; }

        /// <summary>Counts one step; false once the budget is spent.</summary>
        private bool Tick()
        {
            if (Limit != AnalysisLimit.None)
            {
                return false;
            }

            if ((++_operations & 255) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (_operations <= OperationBudget)
            {
                return true;
            }

            Limit = AnalysisLimit.StringOperations;
            return false;
        }

        public StringOrigin Visit(IOperation? operation)
        {
            if (operation is null || !Tick())
            {
                return StringOrigin.Opaque;
            }

            if (operation.ConstantValue.HasValue)
            {
                return StringOrigin.Constant;
            }

            if (_nesting >= MaxNesting)
            {
                // Deeper recursion would risk the compiler's stack; treated as running out of budget.
                Limit = AnalysisLimit.StringOperations;
                return StringOrigin.Opaque;
            }

            _nesting++;
            try
            {
                return VisitCore(operation);
            }
            finally
            {
                _nesting--;
            }
        }

        private StringOrigin VisitCore(IOperation operation)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Visit(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return Visit(parenthesized.Operand);
                case IInterpolatedStringHandlerCreationOperation handler:
                    return Visit(handler.Content);
                case IInterpolatedStringOperation interpolated:
                    return Interpolated(interpolated);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                    when binary.Type?.SpecialType == SpecialType.System_String:
                    return StringOrigin.Piece(
                        StringOrigin.Piece(StringOrigin.Constant, Visit(binary.LeftOperand), StringBuildKind.Concatenation),
                        Visit(binary.RightOperand),
                        StringBuildKind.Concatenation);
                case IConditionalOperation conditional:
                    return Visit(conditional.WhenTrue).Or(Visit(conditional.WhenFalse));
                case ICoalesceOperation coalesce:
                    return Visit(coalesce.Value).Or(Visit(coalesce.WhenNull));
                case ISwitchExpressionOperation switchExpression:
                    return Arms(switchExpression);
                case ISimpleAssignmentOperation assignment:
                    return Visit(assignment.Value);
                case ILocalReferenceOperation local:
                    return Local(local.Local);
                case IParameterReferenceOperation parameter:
                    return Parameter(parameter.Parameter);
                case IFieldReferenceOperation field:
                    return Field(field.Field, field);
                case IPropertyReferenceOperation property:
                    return Property(property);
                case IInvocationOperation invocation:
                    return Invocation(invocation);
                default:
                    return StringOrigin.Opaque;
            }
        }

        private StringOrigin Interpolated(IInterpolatedStringOperation interpolated)
        {
            var result = StringOrigin.Constant;
            foreach (var part in interpolated.Parts)
            {
                var hole = part switch
                {
                    IInterpolationOperation interpolation => interpolation.Expression,
                    IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation call }
                        when call.Arguments.Length > 0 => call.Arguments[0].Value,
                    _ => null,
                };
                if (hole is not null)
                {
                    result = StringOrigin.Piece(result, Visit(hole), StringBuildKind.Interpolation);
                }
            }

            return result;
        }

        // Identifiers cannot be parameters: a switch whose arms are all constants is an allow-list, not input.
        private StringOrigin Arms(ISwitchExpressionOperation switchExpression)
        {
            var result = StringOrigin.Constant;
            foreach (var arm in switchExpression.Arms)
            {
                result = result.Or(Visit(arm.Value));
            }

            return result;
        }

        private StringOrigin Parameter(IParameterSymbol parameter)
        {
            if (_owner is null)
            {
                return StringOrigin.FromParameter(parameter, tracked: false);
            }

            return SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _owner)
                ? StringOrigin.FromParameter(parameter, tracked: true)
                : StringOrigin.Opaque;
        }

        private bool Enter(ISymbol symbol) => (_visiting ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);

        private void Exit(ISymbol symbol) => _visiting?.Remove(symbol);

        private StringOrigin Local(ILocalSymbol local)
        {
            if (!Enter(local))
            {
                // Already being followed higher up (sql = sql + x): its other assignments decide.
                return StringOrigin.Constant;
            }

            var result = StringOrigin.Constant;
            var any = false;
            foreach (var operation in _root.Descendants())
            {
                if (!Tick())
                {
                    break;
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            result = result.Or(Visit(initializer.Value));
                            any = true;
                        }
                        else if (declarator.Parent is IForEachLoopOperation || declarator.Parent?.Parent is IForEachLoopOperation)
                        {
                            result = result.Or(StringOrigin.Opaque);
                            any = true;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        result = result.Or(Visit(assignment.Value));
                        any = true;
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        result = result.Or(Appended(compound));
                        any = true;
                        break;
                    case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Out or RefKind.Ref }
                        when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                        result = result.Or(StringOrigin.Opaque);
                        any = true;
                        break;
                }
            }

            Exit(local);
            return any ? result : StringOrigin.Opaque;
        }

        private StringOrigin Appended(ICompoundAssignmentOperation compound) =>
            compound.OperatorKind == BinaryOperatorKind.Add
                ? StringOrigin.Piece(StringOrigin.Constant, Visit(compound.Value), StringBuildKind.Concatenation)
                : StringOrigin.Opaque;

        private StringOrigin Field(IFieldSymbol field, IOperation reference)
        {
            if (field.ContainingType?.SpecialType == SpecialType.System_String && field.Name == nameof(string.Empty))
            {
                return StringOrigin.Constant;
            }

            field = field.OriginalDefinition;
            if (!Enter(field))
            {
                return StringOrigin.Constant;
            }

            // A field assigned in this very body is followed like a local; fields set elsewhere are opaque.
            var result = StringOrigin.Constant;
            var any = false;
            foreach (var operation in _root.Descendants())
            {
                if (!Tick())
                {
                    break;
                }

                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field):
                        result = result.Or(Visit(assignment.Value));
                        any = true;
                        break;
                    case ICompoundAssignmentOperation { Target: IFieldReferenceOperation target } compound
                        when SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field):
                        result = result.Or(Appended(compound));
                        any = true;
                        break;
                }
            }

            if (!any && field.IsReadOnly)
            {
                // A readonly field is what its initialiser says (constructors aside, which this does not read).
                result = ReadOnlyInitializer(field, reference);
                any = true;
            }

            Exit(field);
            return any ? result : StringOrigin.Opaque;
        }

        private StringOrigin ReadOnlyInitializer(IFieldSymbol field, IOperation reference)
        {
            foreach (var syntaxReference in field.DeclaringSyntaxReferences)
            {
                if (syntaxReference.GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    continue;
                }

                if (reference.SemanticModel is { } model && model.SyntaxTree == initializer.SyntaxTree
                    && model.GetOperation(initializer, _cancellationToken) is IFieldInitializerOperation operation)
                {
                    return Visit(operation.Value);
                }

                return IsLiteralOnly(initializer.Value) ? StringOrigin.Constant : StringOrigin.Opaque;
            }

            return StringOrigin.Opaque;
        }

        private static bool IsLiteralOnly(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
            ParenthesizedExpressionSyntax parenthesized => IsLiteralOnly(parenthesized.Expression),
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) && IsLiteralOnly(binary.Left) && IsLiteralOnly(binary.Right),
            InterpolatedStringExpressionSyntax interpolated => AllText(interpolated),
            _ => false,
        };

        private static bool AllText(InterpolatedStringExpressionSyntax interpolated)
        {
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolationSyntax)
                {
                    return false;
                }
            }

            return true;
        }

        private StringOrigin Property(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            if (property.Name == "NewLine" && IsSystemType(property.ContainingType, "Environment"))
            {
                return StringOrigin.Constant;
            }

            // typeof(Order).Name: a type's name is fixed at compile time, common in generic Dapper repositories.
            if (reference.Instance is ITypeOfOperation && property.Name is nameof(System.Type.Name) or nameof(System.Type.FullName))
            {
                return StringOrigin.Constant;
            }

            if (property.IsIndexer || property.GetMethod is not { } getter)
            {
                return StringOrigin.Opaque;
            }

            return Helper(getter, reference, default);
        }

        private StringOrigin Invocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;

            // IPA Web 1-(i)-b: an escaping helper the adopter declared as a SQL sanitizer yields a literal-safe piece.
            if (_analysis._declared is { } declared && (declared.Sanitized(invocation) & Taint.SinkKind.Sql) != 0)
            {
                return StringOrigin.Constant;
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return method.IsStatic ? StaticString(invocation) : InstanceString(invocation);
            }

            if (Is(method.ContainingType, _analysis._stringBuilder))
            {
                return method.Name == nameof(ToString) ? Builder(invocation.Instance) : StringOrigin.Opaque;
            }

            // FormattableString.Invariant($"…"), the form CA1305 steers code to: the culture is fixed, the holes remain.
            if (method.IsStatic && method.Name is nameof(System.FormattableString.Invariant) or "CurrentCulture"
                && IsSystemType(method.ContainingType, nameof(System.FormattableString)) && invocation.Arguments.Length == 1)
            {
                return Visit(invocation.Arguments[0].Value);
            }

            return Helper(method, invocation, invocation.Arguments);
        }

        private StringOrigin StaticString(IInvocationOperation invocation)
        {
            // string.Create(CultureInfo.InvariantCulture, $"…"): an interpolated string written through a handler.
            if (invocation.TargetMethod.Name == "Create")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IInterpolatedStringHandlerCreationOperation handler)
                    {
                        return Visit(handler.Content);
                    }
                }

                return StringOrigin.Opaque;
            }

            var kind = invocation.TargetMethod.Name switch
            {
                nameof(string.Format) => StringBuildKind.Format,
                nameof(string.Concat) => StringBuildKind.Concat,
                nameof(string.Join) => StringBuildKind.Join,
                _ => StringBuildKind.Opaque,
            };
            if (kind == StringBuildKind.Opaque)
            {
                return StringOrigin.Opaque;
            }

            var result = StringOrigin.Constant;
            foreach (var argument in invocation.Arguments)
            {
                result = StringOrigin.Piece(result, Argument(argument), kind);
            }

            return result;
        }

        private StringOrigin InstanceString(IInvocationOperation invocation)
        {
            var receiver = Visit(invocation.Instance);
            switch (invocation.TargetMethod.Name)
            {
                case nameof(string.Replace):
                case nameof(string.Insert):
                    var inserted = StringOrigin.Constant;
                    foreach (var argument in invocation.Arguments)
                    {
                        inserted = StringOrigin.Piece(inserted, Argument(argument), StringBuildKind.Replace);
                    }

                    if (inserted.IsConstant)
                    {
                        return receiver;
                    }

                    var kind = receiver.IsBuilt ? receiver.Kind : StringBuildKind.Replace;
                    return StringOrigin.Piece(StringOrigin.Piece(StringOrigin.Constant, receiver, kind), inserted, kind);
                case nameof(string.Trim):
                case nameof(string.TrimStart):
                case nameof(string.TrimEnd):
                case nameof(string.ToUpper):
                case nameof(string.ToLower):
                case nameof(string.ToUpperInvariant):
                case nameof(string.ToLowerInvariant):
                case nameof(string.Substring):
                case nameof(string.PadLeft):
                case nameof(string.PadRight):
                case nameof(string.Remove):
                case nameof(string.Normalize):
                case nameof(string.ToString):
                    return receiver;
                default:
                    return StringOrigin.Opaque;
            }
        }

        /// <summary>One argument of a string-building call, skipping format providers and expanding params arrays.</summary>
        private StringOrigin Argument(IArgumentOperation argument)
        {
            var parameterType = argument.Parameter?.Type;
            if (Is(parameterType, _analysis._formatProvider) || Is(parameterType, _analysis._compositeFormat))
            {
                return StringOrigin.Constant;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return Elements(argument.Value);
            }

            return parameterType is IArrayTypeSymbol || IsSequence(parameterType)
                ? Elements(argument.Value)
                : Visit(argument.Value);
        }

        private static bool IsSequence(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

        /// <summary>What a collection passed to <c>string.Join</c> holds: array and collection initialisers, and Add calls on a local.</summary>
        private StringOrigin Elements(IOperation collection)
        {
            switch (collection)
            {
                case IConversionOperation conversion:
                    return Elements(conversion.Operand);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    var items = StringOrigin.Constant;
                    foreach (var element in initializer.ElementValues)
                    {
                        items = items.Or(Visit(element));
                    }

                    return items;
                case IObjectCreationOperation creation:
                    var added = StringOrigin.Constant;
                    if (creation.Initializer is { } init)
                    {
                        foreach (var child in init.Initializers)
                        {
                            if (child is IInvocationOperation add)
                            {
                                added = added.Or(Added(add));
                            }
                        }
                    }

                    return creation.Arguments.Length == 0 ? added : added.Or(StringOrigin.Opaque);
                case ILocalReferenceOperation local:
                    return LocalCollection(local.Local);
                case IInvocationOperation call when Is(call.TargetMethod.ContainingType, _analysis._enumerable):
                    return Query(call);
                default:
                    return StringOrigin.Opaque;
            }
        }

        // ids.Select((_, i) => "@id" + i).ToList(), Enumerable.Repeat("?", n): the elements of a generated placeholder list.
        private StringOrigin Query(IInvocationOperation call)
        {
            var arguments = call.Arguments;
            switch (call.TargetMethod.Name)
            {
                case "ToList" or "ToArray" or "AsEnumerable" when arguments.Length == 1:
                    return Elements(arguments[0].Value);
                case "Select" when arguments.Length == 2:
                    return SqlPlaceholderNames.IsPlaceholderSelector(arguments[1].Value) ? StringOrigin.Constant : StringOrigin.Opaque;
                case "Repeat" when arguments.Length == 2:
                    return Visit(arguments[0].Value);
                default:
                    return StringOrigin.Opaque;
            }
        }

        private StringOrigin LocalCollection(ILocalSymbol local)
        {
            if (!Enter(local))
            {
                return StringOrigin.Constant;
            }

            var result = StringOrigin.Constant;
            var any = false;
            foreach (var operation in _root.Descendants())
            {
                if (!Tick())
                {
                    break;
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            result = result.Or(Elements(initializer.Value));
                            any = true;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        result = result.Or(Elements(assignment.Value));
                        any = true;
                        break;
                    case IInvocationOperation { Instance: ILocalReferenceOperation receiver } call
                        when SymbolEqualityComparer.Default.Equals(receiver.Local, local):
                        result = result.Or(Added(call));
                        break;
                }
            }

            Exit(local);
            return any ? result : StringOrigin.Opaque;
        }

        private StringOrigin Added(IInvocationOperation call)
        {
            switch (call.TargetMethod.Name)
            {
                case "Add":
                case "Insert":
                case "Push":
                case "Enqueue":
                    var result = StringOrigin.Constant;
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32)
                        {
                            result = result.Or(Visit(argument.Value));
                        }
                    }

                    return result;
                case "AddRange":
                case "InsertRange":
                    var range = StringOrigin.Constant;
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32)
                        {
                            range = range.Or(Elements(argument.Value));
                        }
                    }

                    return range;
                default:
                    return StringOrigin.Constant;
            }
        }

        /// <summary>What a <c>StringBuilder</c> holds: its creation, and every Append/Insert/Replace on it in this body.</summary>
        private StringOrigin Builder(IOperation? builder)
        {
            var content = BuilderContent(builder);
            return content.IsConstant
                ? content
                : new StringOrigin(StringBuildKind.StringBuilder, content.Parameters, content.HasOpaqueInput, parameter: null);
        }

        private StringOrigin BuilderContent(IOperation? builder)
        {
            switch (builder)
            {
                case IConversionOperation conversion:
                    return BuilderContent(conversion.Operand);
                case IInvocationOperation call when Is(call.TargetMethod.ContainingType, _analysis._stringBuilder):
                    return BuilderArguments(call.Arguments).Or(BuilderContent(call.Instance));
                case IObjectCreationOperation creation when Is(creation.Type, _analysis._stringBuilder):
                    return BuilderArguments(creation.Arguments);
                case ILocalReferenceOperation local:
                    return LocalBuilder(local.Local);
                default:
                    return StringOrigin.Opaque;
            }
        }

        private StringOrigin LocalBuilder(ILocalSymbol local)
        {
            if (!Enter(local))
            {
                return StringOrigin.Constant;
            }

            var result = StringOrigin.Constant;
            var any = false;
            foreach (var operation in _root.Descendants())
            {
                if (!Tick())
                {
                    break;
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            result = result.Or(BuilderContent(initializer.Value));
                            any = true;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        result = result.Or(BuilderContent(assignment.Value));
                        any = true;
                        break;
                    case IInvocationOperation call
                        when call.TargetMethod.Name != nameof(ToString)
                            && Is(call.TargetMethod.ContainingType, _analysis._stringBuilder)
                            && ChainRoot(call) is ILocalReferenceOperation root
                            && SymbolEqualityComparer.Default.Equals(root.Local, local):
                        result = result.Or(BuilderArguments(call.Arguments));
                        break;
                }
            }

            Exit(local);
            return any ? result : StringOrigin.Opaque;
        }

        private IOperation? ChainRoot(IInvocationOperation call)
        {
            var current = call.Instance;
            while (current is IInvocationOperation inner && Is(inner.TargetMethod.ContainingType, _analysis._stringBuilder))
            {
                current = inner.Instance;
            }

            return current;
        }

        private StringOrigin BuilderArguments(IEnumerable<IArgumentOperation> arguments)
        {
            var result = StringOrigin.Constant;
            foreach (var argument in arguments)
            {
                // Positions and counts shape the text but cannot inject it.
                if (argument.Parameter is not { } parameter
                    || parameter.Name is "repeatCount" or "startIndex" or "count" or "index" or "capacity" or "maxCapacity")
                {
                    continue;
                }

                result = result.Or(Is(parameter.Type, _analysis._stringBuilder) ? BuilderContent(argument.Value) : Argument(argument));
            }

            return result;
        }

        /// <summary>A call to a property getter or method in this file: its return summary mapped onto the arguments.</summary>
        private StringOrigin Helper(IMethodSymbol method, IOperation call, IEnumerable<IArgumentOperation>? arguments)
        {
            if (_budget <= 0 || call.SemanticModel is not { } model
                || _analysis.SummarizeReturn(method, model, _budget - 1, _cancellationToken) is not { } summary)
            {
                return StringOrigin.Opaque;
            }

            if (summary.Kind is StringBuildKind.Constant or StringBuildKind.Opaque)
            {
                return summary.Kind == StringBuildKind.Constant ? StringOrigin.Constant : StringOrigin.Opaque;
            }

            var passed = StringOrigin.Constant;
            if (arguments is not null && summary.Parameters != 0)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && (summary.Parameters & StringOrigin.BitFor(parameter.Ordinal)) != 0)
                    {
                        passed = passed.Or(argument.ArgumentKind == ArgumentKind.ParamArray ? Elements(argument.Value) : Visit(argument.Value));
                    }
                }
            }

            if (summary.Kind == StringBuildKind.Parameter)
            {
                return summary.HasOpaqueInput ? passed.Or(StringOrigin.Opaque) : passed;
            }

            if (passed.IsConstant && !summary.HasOpaqueInput)
            {
                return StringOrigin.Constant;
            }

            return new StringOrigin(summary.Kind, passed.Parameters, summary.HasOpaqueInput || passed.HasOpaqueInput, parameter: null);
        }
    }
}
