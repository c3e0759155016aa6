using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK2002: a symmetric key, IV, nonce or salt taken from constant bytes (A.12.3.2).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK2002HardcodedKeyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.HardcodedKey, RuleCategory.Secrets, DiagnosticSeverity.Warning,
        cwe: new[] { 321, 329, 760 }, controls: new[] { "A.12.3.2", "A.12.3.1" });

    // How many locals and readonly fields are followed from a sink back to the bytes.
    private const int MaximumHops = 4;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new KeySinkSymbols(start.Compilation);
            if (symbols.SymmetricAlgorithm is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeArgument(c, symbols), OperationKind.Argument);
        });
    }

    // aes.Key = …; aes.IV = …; hmac.Key = …
    private static void AnalyzeAssignment(OperationAnalysisContext context, KeySinkSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Key" or "IV" } property } target
            || !symbols.IsKeyedAlgorithm(property.ContainingType))
        {
            return;
        }

        var owner = target.Instance?.Type?.Name ?? property.ContainingType.Name;
        Check(context, assignment.Value, owner + "." + property.Name, signingKey: false);
    }

    // new AesGcm(key), CreateEncryptor(rgbKey, rgbIV), EncryptCbc(data, iv), new HMACSHA256(key),
    // new Rfc2898DeriveBytes(password, salt, …), KeyDerivation.Pbkdf2(…, salt, …), new SymmetricSecurityKey(key)
    private static void AnalyzeArgument(OperationAnalysisContext context, KeySinkSymbols symbols)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter || !IsKeyParameterName(parameter.Name)
            || parameter.ContainingSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
        {
            return;
        }

        var signingKey = SymbolEqualityComparer.Default.Equals(type, symbols.SymmetricSecurityKey);
        if (!signingKey && !symbols.IsCryptographyApi(type))
        {
            return;
        }

        var owner = method.MethodKind == MethodKind.Constructor ? type.Name : method.Name;
        Check(context, argument.Value, owner + "(" + parameter.Name + ")", signingKey);
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string sink, bool signingKey)
    {
        if (IsConstantBytes(value, context, MaximumHops, signingKey))
        {
            context.Report(Rule, value.Syntax.GetLocation(), sink);
        }
    }

    private static bool IsConstantBytes(IOperation value, OperationAnalysisContext context, int hops, bool signingKey)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: null } zeros:
                // new byte[16]: a constant all-zero key or IV, unless filled later (InitialValue checks locals for that).
                foreach (var size in zeros.DimensionSizes)
                {
                    if (!size.ConstantValue.HasValue)
                    {
                        return false;
                    }
                }

                return true;
            case IArrayCreationOperation { Initializer: { } initializer }:
                return AllConstant(initializer);
            case IUtf8StringOperation:
                return true;
            case IInvocationOperation invocation:
                return IsConstantBytesCall(invocation, context, hops, signingKey);
            case ILocalReferenceOperation or IFieldReferenceOperation when hops > 0:
                return InitialValue.Of(value, mutableContents: true, context.CancellationToken) is { } initial
                    && IsConstantBytes(initial, context, hops - 1, signingKey);
            default:
                // C# 12 collection expressions ([0x01, 0x02]) have no IOperation in Roslyn 4.8: read the syntax.
                return value.Syntax is CollectionExpressionSyntax collection && AllConstant(collection, value.SemanticModel, context);
        }
    }

    private static bool IsConstantBytesCall(IInvocationOperation invocation, OperationAnalysisContext context, int hops, bool signingKey)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        switch (method.Name)
        {
            case "FromBase64String" or "FromHexString" when method.ContainingType is { Name: "Convert", ContainingNamespace.Name: "System" }:
                return arguments.Length == 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string };
            case "GetBytes" when IsEncoding(method.ContainingType):
                // PK2001 owns text keys of SymmetricSecurityKey (a JWT secret is a password-like credential).
                return !signingKey && arguments.Length == 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string };
            case "ToArray" or "AsSpan" or "AsMemory":
                var source = invocation.Instance ?? (arguments.Length >= 1 ? arguments[0].Value : null);
                return source is not null && IsConstantBytes(source, context, hops, signingKey);
            default:
                return false;
        }
    }

    private static bool AllConstant(IArrayInitializerOperation initializer)
    {
        if (initializer.ElementValues.Length == 0)
        {
            return false;
        }

        foreach (var element in initializer.ElementValues)
        {
            if (!element.ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllConstant(CollectionExpressionSyntax collection, SemanticModel? model, OperationAnalysisContext context)
    {
        if (model is null || collection.Elements.Count == 0)
        {
            return false;
        }

        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expression
                || !model.GetConstantValue(expression.Expression, context.CancellationToken).HasValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKeyParameterName(string name) =>
        name is "key" or "rgbKey" or "iv" or "rgbIV" or "nonce" or "salt" or "rgbSalt";

    private static bool IsEncoding(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Encoding" && current.ContainingNamespace is { Name: "Text", ContainingNamespace.Name: "System" })
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private sealed class KeySinkSymbols
    {
        public KeySinkSymbols(Compilation compilation)
        {
            SymmetricAlgorithm = WellKnownTypes.Get(compilation, "System.Security.Cryptography.SymmetricAlgorithm");
            KeyedHashAlgorithm = WellKnownTypes.Get(compilation, "System.Security.Cryptography.KeyedHashAlgorithm");
            Hkdf = WellKnownTypes.Get(compilation, "System.Security.Cryptography.HKDF");
            KeyDerivation = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
            SymmetricSecurityKey = WellKnownTypes.Get(compilation, "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
        }

        public INamedTypeSymbol? SymmetricAlgorithm { get; }

        public INamedTypeSymbol? KeyedHashAlgorithm { get; }

        public INamedTypeSymbol? Hkdf { get; }

        public INamedTypeSymbol? KeyDerivation { get; }

        public INamedTypeSymbol? SymmetricSecurityKey { get; }

        public bool IsKeyedAlgorithm(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, SymmetricAlgorithm)
                    || SymbolEqualityComparer.Default.Equals(current, KeyedHashAlgorithm))
                {
                    return true;
                }
            }

            return false;
        }

        // System.Security.Cryptography (AesGcm, HMACSHA256, Rfc2898DeriveBytes, SymmetricAlgorithm …) and ASP.NET Core's
        // KeyDerivation. HKDF is left out: RFC 5869 makes its salt optional and allows a fixed one.
        public bool IsCryptographyApi(INamedTypeSymbol type)
        {
            if (SymbolEqualityComparer.Default.Equals(type, Hkdf))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(type, KeyDerivation)
                || type.ContainingNamespace is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
        }
    }
}
