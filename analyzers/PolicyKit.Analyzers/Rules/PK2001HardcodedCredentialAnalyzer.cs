using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK2001: a password, token, API key or connection-string password written in source (MN-01, MN-11..15, A.11.5.3, MIC-24).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK2001HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.HardcodedCredential, RuleCategory.Secrets, DiagnosticSeverity.Warning,
        cwe: new[] { 798, 259 }, controls: new[] { "MN-01", "MN-14", "A.11.5.3", "A.12.3.2", "MIC-24" });

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // A credential typed into a view (@{ var apiKey = "…"; }) is in the Razor generator's output: that C#, and only
        // that, among generated code (RazorGeneratedCode.MarkupOnly).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            // Literals are everywhere, so there is no library whose absence switches the rule off; these types only
            // add sinks whose parameter names do not say "password".
            var symbols = new CredentialSinkSymbols(start.Compilation);
            start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(AnalyzeAssignment), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(
                RazorGeneratedCode.MarkupOnly(AnalyzeInitializer),
                OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator,
                OperationKind.ParameterInitializer);
            start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(c => AnalyzeArgument(c, symbols)), OperationKind.Argument);
            start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(AnalyzeComparison), OperationKind.BinaryOperator);
            start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(AnalyzeEqualsCall), OperationKind.Invocation);
            start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(AnalyzeReturn), OperationKind.Return);
            start.RegisterAdditionalFileAction(AnalyzeSettingsFile);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!MayCarryText(assignment.Value))
        {
            return;
        }
        var name = assignment.Target switch
        {
            IPropertyReferenceOperation { Arguments.Length: 1 } indexer => indexer.Arguments[0].Value.ConstantValue.Value as string,
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        var kind = CredentialNames.Classify(name);
        if (kind == CredentialNameKind.None && assignment.Target is IPropertyReferenceOperation { Arguments.Length: 1 } entry)
        {
            // ServicePasswords = new() { ["billing"] = "…" }: the collection's name says what its values are.
            name = NameOfInitializedCollection(entry.Instance);
            kind = ClassifyCollectionName(name);
        }

        Check(context, assignment.Value, name, kind);
    }

    // A connection-string factory returning "cache01:6380,password=…": the text itself shows the password.
    private static void AnalyzeReturn(OperationAnalysisContext context)
    {
        var returned = ((IReturnOperation)context.Operation).ReturnedValue;
        if (returned is null || returned.Type?.SpecialType != SpecialType.System_String
            || Unwrap(returned) is not (ILiteralOperation or IInterpolatedStringOperation or IBinaryOperation))
        {
            return;
        }

        var builder = new StringBuilder();
        if (Flatten(returned, builder, context) && LooksLikeConnectionString(builder)
            && CredentialValues.HasConnectionStringSecret(builder.ToString()))
        {
            var member = context.ContainingSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : context.ContainingSymbol;
            context.Report(Rule, returned.Syntax.GetLocation(), member.Name);
        }
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation field:
                foreach (var symbol in field.InitializedFields)
                {
                    Check(context, field.Value, symbol.Name, CredentialNames.Classify(symbol.Name));
                }

                break;
            case IPropertyInitializerOperation property:
                foreach (var symbol in property.InitializedProperties)
                {
                    Check(context, property.Value, symbol.Name, CredentialNames.Classify(symbol.Name));
                }

                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Check(context, initializer.Value, declarator.Symbol.Name, CredentialNames.Classify(declarator.Symbol.Name));
                break;
            case IParameterInitializerOperation parameter:
                Check(context, parameter.Value, parameter.Parameter.Name, CredentialNames.Classify(parameter.Parameter.Name));
                break;
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, CredentialSinkSymbols symbols)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter || !MayCarryText(argument.Value))
        {
            return;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        if (symbols.IsKeyMaterialSink(method?.ContainingType))
        {
            // PK2002 owns key material: JWT signing keys and passphrases that keys are derived from.
            return;
        }

        var kind = CredentialNames.Classify(parameter.Name);
        if (kind != CredentialNameKind.None)
        {
            Check(context, argument.Value, SinkName(method, parameter), kind);
            return;
        }

        var containingType = method?.ContainingType;
        if (containingType is null)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containingType, symbols.AuthenticationHeaderValue) && parameter.Name == "parameter")
        {
            Check(context, argument.Value, "AuthenticationHeaderValue", CredentialNameKind.AuthorizationHeader);
        }
        else if (parameter.Name == "value")
        {
            // Headers.Add("Authorization", "Basic …"), dictionary.Add("ApiKey", "…"), SetEnvironmentVariable("DB_PASSWORD", "…").
            var key = KeyOfPair(argument.Parent);
            var pairKind = CredentialNames.Classify(key);
            if (pairKind == CredentialNameKind.None && argument.Parent is IInvocationOperation { TargetMethod.Name: "Add" } add)
            {
                // ServicePasswords = new() { { "billing", "…" } }
                key = NameOfInitializedCollection(add.Instance);
                pairKind = ClassifyCollectionName(key);
            }

            Check(context, argument.Value, key, pairKind);
        }
    }

    private static void AnalyzeComparison(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            && binary.LeftOperand.Type?.SpecialType == SpecialType.System_String)
        {
            CheckComparison(context, binary.LeftOperand, binary.RightOperand);
        }
    }

    // MN-01: "if (password == "s3cret")" is one hard-coded credential for everybody.
    private static void AnalyzeEqualsCall(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Equals" || method.ContainingType?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        if (invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
        {
            CheckComparison(context, instance, invocation.Arguments[0].Value);
        }
        else if (invocation.Instance is null && invocation.Arguments.Length >= 2)
        {
            CheckComparison(context, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
        }
    }

    private static void CheckComparison(OperationAnalysisContext context, IOperation left, IOperation right)
    {
        var (named, literal) = left.ConstantValue.HasValue ? (right, left) : (left, right);
        if (!literal.ConstantValue.HasValue || named.ConstantValue.HasValue)
        {
            return;
        }

        var name = ReferencedName(Unwrap(named));
        if (CredentialNames.Classify(name) == CredentialNameKind.Secret)
        {
            Check(context, literal, name, CredentialNameKind.Secret);
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string? sinkName, CredentialNameKind kind)
    {
        if (kind == CredentialNameKind.None || sinkName is null)
        {
            return;
        }

        if (kind == CredentialNameKind.ConnectionString)
        {
            CheckConnectionString(context, value, sinkName);
            return;
        }

        if (!TryGetText(value, context, out var text, out var at))
        {
            return;
        }

        var secret = kind == CredentialNameKind.AuthorizationHeader
            ? CredentialValues.IsAuthorizationSecret(text)
            : CredentialValues.IsSecret(text, sinkName);
        if (secret)
        {
            context.Report(Rule, at.Syntax.GetLocation(), sinkName);
        }
    }

    private static void CheckConnectionString(OperationAnalysisContext context, IOperation value, string sinkName)
    {
        var source = Follow(Unwrap(value), context);
        if (source is null || IsReportedAtDeclaration(Unwrap(value), source))
        {
            return;
        }

        var builder = new StringBuilder();
        if (Flatten(source, builder, context) && CredentialValues.HasConnectionStringSecret(builder.ToString()))
        {
            context.Report(Rule, source.Syntax.GetLocation(), sinkName);
        }
    }

    // Constant text, with the operation to report: the literal itself where it can be seen.
    private static bool TryGetText(IOperation value, OperationAnalysisContext context, out string text, out IOperation at)
    {
        text = string.Empty;
        at = value;
        var unwrapped = Unwrap(value);
        var written = unwrapped;
        if (unwrapped is IInvocationOperation { TargetMethod.Name: "ToBase64String", Arguments.Length: 1 } toBase64
            && Follow(Unwrap(toBase64.Arguments[0].Value), context) is IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes
            && TextEncodingType.Is(getBytes.TargetMethod.ContainingType))
        {
            // Authorization: Basic <base64("user:password")>, the bytes possibly taken into a local first.
            unwrapped = Unwrap(getBytes.Arguments[0].Value);
        }

        var source = Follow(unwrapped, context);
        if (source?.ConstantValue is not { HasValue: true, Value: string constant })
        {
            return false;
        }

        if (IsReportedAtDeclaration(unwrapped, source))
        {
            return false;
        }

        text = constant;
        at = ReferenceEquals(source, written) ? value : source;
        return true;
    }

    // A named constant or local whose own declaration is reported is not reported again where it is used.
    private static bool IsReportedAtDeclaration(IOperation reference, IOperation source)
    {
        var name = ReferencedName(reference);
        if (name is null || reference is IPropertyReferenceOperation)
        {
            return false;
        }

        var kind = CredentialNames.Classify(name);
        if (kind == CredentialNameKind.None)
        {
            return false;
        }

        return kind != CredentialNameKind.Secret
            || source.ConstantValue is not { HasValue: true, Value: string text }
            || CredentialValues.IsSecret(text, name);
    }

    // Locals assigned once and readonly fields are followed to their initialiser; constants are already constant.
    private static IOperation? Follow(IOperation value, OperationAnalysisContext context)
    {
        if (value.ConstantValue.HasValue)
        {
            return value;
        }

        return value is ILocalReferenceOperation or IFieldReferenceOperation
            ? InitialValue.Of(value, mutableContents: false, context.CancellationToken) is { } initial ? Unwrap(initial) : null
            : value;
    }

    // Text of a connection string with non-constant parts replaced by a hole: $"Server={host};Password=abc" still shows its password.
    private static bool Flatten(IOperation operation, StringBuilder builder, OperationAnalysisContext context)
    {
        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            builder.Append(text);
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
                    {
                        builder.Append(literal);
                    }
                    else if (part is IInterpolationOperation { Expression.ConstantValue.Value: string constant })
                    {
                        builder.Append(constant);
                    }
                    else
                    {
                        builder.Append(CredentialValues.Hole);
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                if (!Flatten(concatenation.LeftOperand, builder, context))
                {
                    builder.Append(CredentialValues.Hole);
                }

                if (!Flatten(concatenation.RightOperand, builder, context))
                {
                    builder.Append(CredentialValues.Hole);
                }

                return true;
            default:
                return false;
        }
    }

    // Cheap filter before any name is split: only constants, followed locals and fields, built strings and
    // Encoding/Convert calls can carry a literal.
    private static bool MayCarryText(IOperation value)
    {
        var unwrapped = Unwrap(value);
        return unwrapped.ConstantValue.HasValue
            || unwrapped is ILocalReferenceOperation or IFieldReferenceOperation or IInterpolatedStringOperation
                or IBinaryOperation or IInvocationOperation;
    }

    // Two or more key=value pairs separated by ';' (ADO.NET) or ',' (StackExchange.Redis): not a sentence that
    // happens to contain "password=".
    private static bool LooksLikeConnectionString(StringBuilder text)
    {
        var pairs = 0;
        var separated = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '=':
                    pairs++;
                    break;
                case ';' or ',':
                    separated = true;
                    break;
            }
        }

        return pairs >= 2 && separated;
    }

    // The field, property or local that an object/collection initialiser's implicit receiver initialises.
    private static string? NameOfInitializedCollection(IOperation? receiver)
    {
        if (receiver is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return null;
        }

        // receiver → indexer → assignment → initializer, or receiver → Add call → initializer.
        var initializer = receiver.Parent?.Parent;
        if (initializer is not IObjectOrCollectionInitializerOperation)
        {
            initializer = initializer?.Parent;
        }

        if (initializer is not IObjectOrCollectionInitializerOperation)
        {
            return null;
        }

        var parent = initializer.Parent?.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0].Name,
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0].Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            ISimpleAssignmentOperation assignment => ReferencedName(assignment.Target),
            _ => null,
        };
    }

    // A collection is named in the plural: ServicePasswords, ApiKeys, ClientSecrets.
    private static CredentialNameKind ClassifyCollectionName(string? name)
    {
        var kind = CredentialNames.Classify(name);
        return kind == CredentialNameKind.None && name is { Length: > 4 } && name[name.Length - 1] is 's' or 'S'
            ? CredentialNames.Classify(name.Substring(0, name.Length - 1))
            : kind;
    }

    private static string? KeyOfPair(IOperation? call)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name is "key" or "name" or "variable" or "headerName"
                && argument.Value.ConstantValue.Value is string key)
            {
                return key;
            }
        }

        return null;
    }

    private static string? ReferencedName(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property.Name,
        _ => null,
    };

    private static string SinkName(IMethodSymbol? method, IParameterSymbol parameter)
    {
        if (method is null)
        {
            return parameter.Name;
        }

        var owner = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        return owner + "(" + parameter.Name + ")";
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private sealed class CredentialSinkSymbols
    {
        public CredentialSinkSymbols(Compilation compilation)
        {
            AuthenticationHeaderValue = WellKnownTypes.Get(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
            SymmetricSecurityKey = WellKnownTypes.Get(compilation, "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
            Rfc2898DeriveBytes = WellKnownTypes.Get(compilation, "System.Security.Cryptography.Rfc2898DeriveBytes");
            KeyDerivation = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
        }

        public INamedTypeSymbol? AuthenticationHeaderValue { get; }

        public INamedTypeSymbol? SymmetricSecurityKey { get; }

        public INamedTypeSymbol? Rfc2898DeriveBytes { get; }

        public INamedTypeSymbol? KeyDerivation { get; }

        public bool IsKeyMaterialSink(INamedTypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, SymmetricSecurityKey)
                || SymbolEqualityComparer.Default.Equals(type, Rfc2898DeriveBytes)
                || SymbolEqualityComparer.Default.Equals(type, KeyDerivation));
    }
}
