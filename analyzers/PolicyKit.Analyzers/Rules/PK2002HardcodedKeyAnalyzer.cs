using System;
using System.Collections.Concurrent;
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
/// PK2002: a symmetric key, IV, nonce, salt, JWT signing key, private key or key-derivation passphrase taken from
/// constants in source (A.12.3.2).
/// </summary>
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

            // One key literal can reach several sinks (a local used by Encrypt and Decrypt): it is reported once.
            var reported = new ConcurrentDictionary<Location, byte>();
            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols, reported), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeArgument(c, symbols, reported), OperationKind.Argument);
            start.RegisterOperationAction(c => AnalyzeReturn(c, reported), OperationKind.Return);
        });
    }

    // byte[] CookieKey() => Encoding.ASCII.GetBytes(new string('k', 32)): a member named for key material that returns
    // constant bytes is the key, wherever it is used. Only literal contents count (new byte[32] is filled by callers).
    private static void AnalyzeReturn(OperationAnalysisContext context, ConcurrentDictionary<Location, byte> reported)
    {
        var operation = (IReturnOperation)context.Operation;
        if (operation.ReturnedValue is not { } value || operation.Kind != OperationKind.Return || InsideFunction(operation)
            || context.ContainingSymbol is not IMethodSymbol method || !ReturnsBytes(method.ReturnType))
        {
            return;
        }

        var name = method.AssociatedSymbol?.Name ?? method.Name;
        if (SecurityNames.Classify(name) == SecurityNameKind.Benign || !NamesKeyMaterial(name))
        {
            return;
        }

        if (ConstantSource(value, context, MaximumHops, signingKey: true, literalOnly: true) is { } source)
        {
            ReportOnce(context, source.Syntax.GetLocation(), name, reported);
        }
    }

    private static bool InsideFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsBytes(ITypeSymbol type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
        || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "ReadOnlyMemory" or "Span" or "Memory", TypeArguments: { Length: 1 } arguments }
            && arguments[0].SpecialType == SpecialType.System_Byte);

    // ChannelKey, SigningKey, WebhookSecret, DefaultIv; not CacheKey, PartitionKey, PrimaryKey (lookup keys).
    private static bool NamesKeyMaterial(string name)
    {
        var material = false;
        foreach (var word in SecurityNames.Words(name))
        {
            if (word is "cache" or "lookup" or "partition" or "shard" or "primary" or "foreign" or "composite" or "route"
                or "idempotency" or "dictionary" or "sort" or "index" or "map" or "public")
            {
                return false;
            }

            material |= word is "key" or "keys" or "secret" or "iv" or "nonce" or "salt" or "pepper";
        }

        return material;
    }

    // aes.Key = …; aes.IV = …; hmac.Key = …
    private static void AnalyzeAssignment(OperationAnalysisContext context, KeySinkSymbols symbols, ConcurrentDictionary<Location, byte> reported)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IFieldReferenceOperation { Field: { ContainingType: { } parameters } privateField }
            && IsPrivateKeyField(parameters, privateField.Name))
        {
            Check(context, assignment.Value, parameters.Name + "." + privateField.Name, signingKey: false, reported);
            return;
        }

        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Key" or "IV" } property } target
            || !symbols.IsKeyedAlgorithm(property.ContainingType))
        {
            return;
        }

        var owner = target.Instance?.Type?.Name ?? property.ContainingType.Name;
        Check(context, assignment.Value, owner + "." + property.Name, signingKey: false, reported);
    }

    // ECParameters.D, RSAParameters.D/P/Q/DP/DQ/InverseQ, DSAParameters.X: the private half of a key pair.
    private static bool IsPrivateKeyField(INamedTypeSymbol type, string field) =>
        type.ContainingNamespace is { Name: "Cryptography", ContainingNamespace.Name: "Security" }
        && type.Name switch
        {
            "ECParameters" => field == "D",
            "RSAParameters" => field is "D" or "P" or "Q" or "DP" or "DQ" or "InverseQ",
            "DSAParameters" => field == "X",
            _ => false,
        };

    // new AesGcm(key), CreateEncryptor(rgbKey, rgbIV), EncryptCbc(data, iv), new HMACSHA256(key),
    // new Rfc2898DeriveBytes(password, salt, …), KeyDerivation.Pbkdf2(…, salt, …), new SymmetricSecurityKey(key),
    // rsa.ImportFromPem(input), rsa.FromXmlString(xmlString)
    private static void AnalyzeArgument(OperationAnalysisContext context, KeySinkSymbols symbols, ConcurrentDictionary<Location, byte> reported)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter
            || parameter.ContainingSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
        {
            return;
        }

        var owner = method.MethodKind == MethodKind.Constructor ? type.Name : method.Name;
        switch (parameter.Name)
        {
            case "input" or "xmlString" when method.Name is "ImportFromPem" or "ImportFromEncryptedPem" or "FromXmlString"
                                             && symbols.IsCryptographyApi(type):
                CheckPrivateKeyText(context, argument.Value, owner + "(" + parameter.Name + ")", method.Name == "FromXmlString", reported);
                return;
            case "password" when symbols.IsPasswordBasedKdf(type):
                CheckPassphrase(context, argument.Value, owner + "(" + parameter.Name + ")", reported);
                return;
            case "ikm" or "prk" when SymbolEqualityComparer.Default.Equals(type, symbols.Hkdf):
                // HKDF's salt may be fixed (RFC 5869 3.1), its input key material may not: it is the master secret.
                Check(context, argument.Value, owner + "(" + parameter.Name + ")", signingKey: true, reported);
                return;
            case "source" when method.Name.StartsWith("Import", StringComparison.Ordinal)
                               && method.Name.IndexOf("PrivateKey", StringComparison.Ordinal) >= 0 && symbols.IsCryptographyApi(type):
                Check(context, argument.Value, owner + "(" + parameter.Name + ")", signingKey: false, reported);
                return;
        }

        if (!IsKeyParameterName(parameter.Name))
        {
            return;
        }

        var signingKey = SymbolEqualityComparer.Default.Equals(type, symbols.SymmetricSecurityKey);
        if (!signingKey && !symbols.IsCryptographyApi(type))
        {
            return;
        }

        Check(context, argument.Value, owner + "(" + parameter.Name + ")", signingKey, reported);
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string sink, bool signingKey, ConcurrentDictionary<Location, byte> reported)
    {
        if (ConstantSource(value, context, MaximumHops, signingKey, literalOnly: false) is { } source)
        {
            ReportOnce(context, source.Syntax.GetLocation(), sink, reported);
        }
        else if (Unwrap(value) is IFieldReferenceOperation { Field: { IsReadOnly: true } field } reference
                 && InitialValue.Of(reference, mutableContents: true, context.CancellationToken) is null)
        {
            CheckConstructorAssignments(context, field, reference.SemanticModel, sink, signingKey, reported);
        }
    }

    // A readonly key field set in a constructor (_key = Encoding.UTF8.GetBytes("…")) and used by another member: the
    // constant assignment is reported. Only literal contents count: "_key = new byte[32]" is usually filled next.
    private static void CheckConstructorAssignments(
        OperationAnalysisContext context, IFieldSymbol field, SemanticModel? model, string sink, bool signingKey,
        ConcurrentDictionary<Location, byte> reported)
    {
        if (model is null || field.ContainingType is not { } type)
        {
            return;
        }

        var constructors = field.IsStatic ? type.StaticConstructors : type.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree
                    || reference.GetSyntax(context.CancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && NamesField(assignment.Left, field.Name)
                        && model.GetOperation(assignment, context.CancellationToken) is ISimpleAssignmentOperation
                        {
                            Target: IFieldReferenceOperation target,
                        } operation
                        && SymbolEqualityComparer.Default.Equals(target.Field, field)
                        && ConstantSource(operation.Value, context, MaximumHops - 1, signingKey, literalOnly: true) is { } source)
                    {
                        ReportOnce(context, source.Syntax.GetLocation(), sink, reported);
                    }
                }
            }
        }
    }

    private static bool NamesField(ExpressionSyntax target, string name) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText == name,
        _ => false,
    };

    // rsa.ImportFromPem("-----BEGIN PRIVATE KEY-----…"), rsa.FromXmlString("<RSAKeyValue>…<D>…</D>…"): a public key is
    // no secret, so only private-key text counts.
    private static void CheckPrivateKeyText(OperationAnalysisContext context, IOperation value, string sink, bool xml, ConcurrentDictionary<Location, byte> reported)
    {
        if (ConstantText(value, context) is not { } text)
        {
            return;
        }

        var isPrivate = xml
            ? text.IndexOf("<D>", StringComparison.Ordinal) >= 0 || text.IndexOf("<X>", StringComparison.Ordinal) >= 0
            : text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0;
        if (isPrivate)
        {
            ReportOnce(context, value.Syntax.GetLocation(), sink, reported);
        }
    }

    // Rfc2898DeriveBytes.Pbkdf2("passphrase", salt, …): the derived key is as constant as the passphrase.
    private static void CheckPassphrase(OperationAnalysisContext context, IOperation value, string sink, ConcurrentDictionary<Location, byte> reported)
    {
        var secret = ConstantText(value, context) is { } text
            ? IsKeyText(text)
            : ConstantSource(value, context, MaximumHops, signingKey: true, literalOnly: true) is not null;
        if (secret)
        {
            ReportOnce(context, value.Syntax.GetLocation(), sink, reported);
        }
    }

    private static void ReportOnce(OperationAnalysisContext context, Location location, string sink, ConcurrentDictionary<Location, byte> reported)
    {
        if (reported.TryAdd(location, 0))
        {
            context.Report(Rule, location, SinkName(context, location, sink));
        }
    }

    // A constant declared away from this use (a key field used by CreateEncryptor and CreateDecryptor) is reported once,
    // by whichever use is analysed first; naming what holds the constant keeps the message the same in every run.
    private static string SinkName(OperationAnalysisContext context, Location location, string sink)
    {
        var use = context.Operation.Syntax;
        if ((location.SourceTree == use.SyntaxTree && use.Span.Contains(location.SourceSpan))
            || location.SourceTree?.GetRoot(context.CancellationToken).FindNode(location.SourceSpan) is not { } constant)
        {
            return sink;
        }

        for (var node = constant.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left.ToString();
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText + "()";
            }
        }

        return sink;
    }

    // A constant string, directly or through a readonly field or a local assigned once.
    private static string? ConstantText(IOperation value, OperationAnalysisContext context)
    {
        value = Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string direct })
        {
            return direct;
        }

        return value is ILocalReferenceOperation or IFieldReferenceOperation
               && InitialValue.Of(value, mutableContents: false, context.CancellationToken) is { ConstantValue: { HasValue: true, Value: string followed } }
            ? followed
            : null;
    }

    // Text used as key material: empty strings and placeholders ("<your-key>") are left alone.
    private static bool IsKeyText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && !CredentialPlaceholders.IsPlaceholder(trimmed);
    }

    // The operation holding the constant bytes, to report: the sink's own value, the literal a local was initialised
    // with, or the use of a readonly field (a field may be shared, so its use says which sink it keys). Null otherwise.
    // With literalOnly, "new byte[n]" (zeros, usually filled next) does not count.
    private static IOperation? ConstantSource(IOperation value, OperationAnalysisContext context, int hops, bool signingKey, bool literalOnly)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: null } zeros:
                // new byte[16]: a constant all-zero key or IV, unless filled later (InitialValue checks locals for that).
                if (literalOnly)
                {
                    return null;
                }

                foreach (var size in zeros.DimensionSizes)
                {
                    if (!size.ConstantValue.HasValue)
                    {
                        return null;
                    }
                }

                return value;
            case IArrayCreationOperation { Initializer: { } initializer }:
                return AllConstant(initializer) ? value : null;
            case IUtf8StringOperation:
                return value;
            case IInvocationOperation invocation:
                return ConstantBytesCall(invocation, context, hops, signingKey, literalOnly);
            case ILocalReferenceOperation when hops > 0:
                return InitialValue.Of(value, mutableContents: true, context.CancellationToken) is { } local
                    ? ConstantSource(local, context, hops - 1, signingKey, literalOnly)
                    : null;
            case IFieldReferenceOperation when hops > 0:
                return InitialValue.Of(value, mutableContents: true, context.CancellationToken) is { } field
                       && ConstantSource(field, context, hops - 1, signingKey, literalOnly) is not null
                    ? value
                    : null;
            default:
                // C# 12 collection expressions ([0x01, 0x02]) have no IOperation in Roslyn 4.8: read the syntax.
                return value.Syntax is CollectionExpressionSyntax collection && AllConstant(collection, value.SemanticModel, context)
                    ? value
                    : null;
        }
    }

    private static IOperation? ConstantBytesCall(IInvocationOperation invocation, OperationAnalysisContext context, int hops, bool signingKey, bool literalOnly)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        switch (method.Name)
        {
            case "FromBase64String" or "FromHexString" when method.ContainingType is { Name: "Convert", ContainingNamespace.Name: "System" }:
                return arguments.Length == 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string } ? invocation : null;
            case "GetBytes" when TextEncodingType.Is(method.ContainingType):
                // A JWT signing key is usually text: only real text counts there, not "" or "<your-key>".
                return arguments.Length == 1 && ConstantString(arguments[0].Value) is { } text
                       && (!signingKey || IsKeyText(text))
                    ? invocation
                    : null;
            case "ToArray" or "AsSpan" or "AsMemory":
                var source = invocation.Instance ?? (arguments.Length >= 1 ? arguments[0].Value : null);
                return source is not null && ConstantSource(source, context, hops, signingKey, literalOnly) is not null ? invocation : null;
            default:
                return null;
        }
    }

    // "secret", or a string built at run time from constants only: new string('k', 64).
    private static string? ConstantString(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return value is IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Arguments: { Length: 2 } arguments }
               && Unwrap(arguments[0].Value).ConstantValue is { HasValue: true, Value: char repeated }
               && Unwrap(arguments[1].Value).ConstantValue is { HasValue: true, Value: int length } && length is > 0 and <= 4096
            ? new string(repeated, length)
            : null;
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

    private static IOperation Unwrap(IOperation operation) => EndpointBuilderFlow.Unwrap(operation);

    private sealed class KeySinkSymbols
    {
        public KeySinkSymbols(Compilation compilation)
        {
            SymmetricAlgorithm = WellKnownTypes.Get(compilation, "System.Security.Cryptography.SymmetricAlgorithm");
            KeyedHashAlgorithm = WellKnownTypes.Get(compilation, "System.Security.Cryptography.KeyedHashAlgorithm");
            Hkdf = WellKnownTypes.Get(compilation, "System.Security.Cryptography.HKDF");
            KeyDerivation = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
            SymmetricSecurityKey = WellKnownTypes.Get(compilation, "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
            Rfc2898DeriveBytes = WellKnownTypes.Get(compilation, "System.Security.Cryptography.Rfc2898DeriveBytes");
        }

        public INamedTypeSymbol? SymmetricAlgorithm { get; }

        public INamedTypeSymbol? KeyedHashAlgorithm { get; }

        public INamedTypeSymbol? Hkdf { get; }

        public INamedTypeSymbol? KeyDerivation { get; }

        public INamedTypeSymbol? SymmetricSecurityKey { get; }

        public INamedTypeSymbol? Rfc2898DeriveBytes { get; }

        public bool IsPasswordBasedKdf(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, Rfc2898DeriveBytes) || SymbolEqualityComparer.Default.Equals(type, KeyDerivation);

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
