using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>A sensitive value found inside an expression written to a log.</summary>
internal readonly struct SensitiveValue
{
    public SensitiveValue(IOperation reported, IOperation value, string reason, bool isWholeArgument)
    {
        Reported = reported;
        Value = value;
        Reason = reason;
        IsWholeArgument = isWholeArgument;
    }

    /// <summary>Where to report: the value itself, or the local read at the sink that carries it.</summary>
    public IOperation Reported { get; }

    /// <summary>The sensitive expression (<c>password</c>, <c>user.Email</c>).</summary>
    public IOperation Value { get; }

    /// <summary>Why it is sensitive: a data class name, or <c>password</c>, <c>token</c>, <c>connection string</c> ….</summary>
    public string Reason { get; }

    /// <summary>The reported expression is the whole argument (so a constant can replace it).</summary>
    public bool IsWholeArgument { get; }
}

/// <summary>
/// Finds the sensitive pieces of a value: credentials by name (<see cref="CredentialNames"/>: password, token, secret,
/// API key, connection string), the policy's data classes (<see cref="DataClassMatcher"/>), connection strings read from
/// configuration and the <c>Authorization</c> header, through interpolation, concatenation, <c>string.Format</c>,
/// conversions, <c>ToString()</c>, Base64/hex encoding and locals initialised once. Anything else a method returns
/// (<c>Mask(x)</c>, <c>Hash(x)</c>, <c>x.Substring(0, 2)</c>) is taken as transformed and left alone.
/// </summary>
internal sealed class SensitiveValueFinder
{
    private const int MaxDepth = 8;

    // Credential material that CredentialNames does not list as a head word (one-time passwords).
    private static readonly HashSet<string> ExtraSecretHeads = new(StringComparer.Ordinal) { "otp", "totp", "hotp" };

    private static readonly HashSet<string> PasswordHeads = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "pw",
    };

    // String methods whose result still shows the value.
    private static readonly HashSet<string> PassThroughMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "Trim", "TrimStart", "TrimEnd",
        "Normalize", "PadLeft", "PadRight",
    };

    private static readonly HashSet<string> EncodingMethods = new(StringComparer.Ordinal)
    {
        "ToBase64String", "ToHexString", "ToHexStringLower", "GetString", "GetBytes",
    };

    private readonly DataClassMatcher dataClasses;
    private readonly SensitiveObjectMembers objectMembers;

    public SensitiveValueFinder(DataClassMatcher dataClasses)
    {
        this.dataClasses = dataClasses;
        objectMembers = new SensitiveObjectMembers(dataClasses);
    }

    /// <summary>Adds the sensitive pieces of <paramref name="value"/> to <paramref name="found"/>.</summary>
    public void Find(IOperation value, List<SensitiveValue> found, CancellationToken cancellationToken) =>
        Walk(value, anchor: null, whole: true, depth: 0, found, cancellationToken);

    /// <summary>
    /// Adds the sensitive pieces of <paramref name="value"/>, a whole object that the sink renders as
    /// <paramref name="rendering"/> (<c>{@Request}</c> destructures it member by member).
    /// </summary>
    public void Find(IOperation value, ObjectRendering rendering, List<SensitiveValue> found, CancellationToken cancellationToken) =>
        Walk(value, anchor: null, whole: true, depth: 0, found, cancellationToken, rendering);

    /// <summary>Why a name of a string-like value is a credential (<c>password</c>, <c>token</c> …), or null.</summary>
    public static string? CredentialReason(string name)
    {
        var words = CredentialNames.Split(name);
        var head = words.Count > 0 ? words[words.Count - 1] : string.Empty;
        var previous = words.Count > 1 ? words[words.Count - 2] : string.Empty;

        // Decision: a password hash is credential material (offline cracking; ASVS 5.0 11.4.2), unlike passwordLength.
        if (head is "hash" or "hashed" && PasswordHeads.Contains(previous))
        {
            return "password hash";
        }

        if (ExtraSecretHeads.Contains(head))
        {
            return "one-time password";
        }

        switch (CredentialNames.Classify(name))
        {
            case CredentialNameKind.ConnectionString:
                return "connection string";
            case CredentialNameKind.AuthorizationHeader:
                return "authorization header";
            case CredentialNameKind.Secret:
                break;
            default:
                return null;
        }

        if (PasswordHeads.Contains(head) || head.EndsWith("password", StringComparison.Ordinal) || head.EndsWith("passwd", StringComparison.Ordinal))
        {
            return "password";
        }

        return head switch
        {
            "token" => "token",
            "apikey" => "API key",
            "key" when previous == "api" => "API key",
            "key" or "privatekey" or "secretkey" or "accesskey" or "signingkey" => "key",
            "credential" or "credentials" => "credential",
            _ => "secret",
        };
    }

    private void Walk(IOperation? operation, IOperation? anchor, bool whole, int depth, List<SensitiveValue> found, CancellationToken cancellationToken, ObjectRendering rendering = ObjectRendering.Text)
    {
        if (operation is null || depth > MaxDepth || operation.ConstantValue.HasValue)
        {
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Walk(conversion.Operand, anchor, whole, depth + 1, found, cancellationToken, rendering);
                return;
            case IParenthesizedOperation parenthesized:
                Walk(parenthesized.Operand, anchor, whole, depth + 1, found, cancellationToken, rendering);
                return;
            case IAwaitOperation awaited:
                Walk(awaited.Operation, anchor, whole, depth + 1, found, cancellationToken, rendering);
                return;
            case IConditionalAccessOperation conditionalAccess:
                Walk(conditionalAccess.WhenNotNull, anchor, whole, depth + 1, found, cancellationToken, rendering);
                return;
            case IConditionalAccessInstanceOperation:
                if (operation.Parent is { } parentAccess && FindConditionalAccess(parentAccess) is { } access)
                {
                    Walk(access.Operation, anchor, whole, depth + 1, found, cancellationToken, rendering);
                }

                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Walk(interpolation.Expression, anchor, false, depth + 1, found, cancellationToken);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                Walk(binary.LeftOperand, anchor, false, depth + 1, found, cancellationToken);
                Walk(binary.RightOperand, anchor, false, depth + 1, found, cancellationToken);
                return;
            case IConditionalOperation conditional:
                Walk(conditional.WhenTrue, anchor, false, depth + 1, found, cancellationToken, rendering);
                Walk(conditional.WhenFalse, anchor, false, depth + 1, found, cancellationToken, rendering);
                return;
            case ICoalesceOperation coalesce:
                Walk(coalesce.Value, anchor, false, depth + 1, found, cancellationToken, rendering);
                Walk(coalesce.WhenNull, anchor, false, depth + 1, found, cancellationToken, rendering);
                return;
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                foreach (var element in arrayInitializer.ElementValues)
                {
                    Walk(element, anchor, whole, depth + 1, found, cancellationToken, rendering);
                }

                return;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment)
                    {
                        Walk(assignment.Value, anchor, false, depth + 1, found, cancellationToken, rendering);
                    }
                }

                return;
            case IObjectCreationOperation creation:
                WalkCreation(creation, anchor, depth, found, cancellationToken, rendering);
                return;
            case IInvocationOperation invocation:
                WalkInvocation(invocation, anchor, whole, depth, found, cancellationToken, rendering);
                return;
            case ILocalReferenceOperation local:
                var initial = InitialValue.Of(local, mutableContents: false, cancellationToken);

                // var audit = new LoginAudit(email.Mask(), …): what the object holds is what it was built from.
                var builtHere = initial is IObjectCreationOperation or IAnonymousObjectCreationOperation;
                if (!Leaf(local, local.Local, local.Local.Type, anchor, whole, found, builtHere ? null : rendering))
                {
                    Walk(initial, anchor ?? local, whole, depth + 1, found, cancellationToken, rendering);
                }

                return;
            case IParameterReferenceOperation parameter:
                Leaf(parameter, parameter.Parameter, parameter.Parameter.Type, anchor, whole, found, rendering);
                return;
            case IFieldReferenceOperation field:
                Leaf(field, field.Field, field.Field.Type, anchor, whole, found, rendering);
                return;
            case IPropertyReferenceOperation property:
                WalkProperty(property, anchor, whole, found, rendering);
                return;
        }
    }

    private void WalkInitializer(IObjectOrCollectionInitializerOperation initializer, IOperation? anchor, int depth, List<SensitiveValue> found, CancellationToken cancellationToken)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation assignment:
                    Walk(assignment.Value, anchor, false, depth + 1, found, cancellationToken);
                    break;
                case IInvocationOperation add:
                    foreach (var argument in add.Arguments)
                    {
                        Walk(argument.Value, anchor, false, depth + 1, found, cancellationToken);
                    }

                    break;
            }
        }
    }

    private void WalkCreation(IObjectCreationOperation creation, IOperation? anchor, int depth, List<SensitiveValue> found, CancellationToken cancellationToken, ObjectRendering rendering)
    {
        if (creation.Initializer is { } objectInitializer)
        {
            WalkInitializer(objectInitializer, anchor, depth, found, cancellationToken);
        }

        // A record prints what it was built from; a destructured or serialised object shows its members.
        if (creation.Type is INamedTypeSymbol type && (rendering == ObjectRendering.Members || SensitiveObjectMembers.PrintsMembers(type)))
        {
            foreach (var argument in creation.Arguments)
            {
                Walk(argument.Value, anchor, false, depth + 1, found, cancellationToken);
            }
        }
    }

    private void WalkInvocation(IInvocationOperation invocation, IOperation? anchor, bool whole, int depth, List<SensitiveValue> found, CancellationToken cancellationToken, ObjectRendering rendering)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;

        // configuration.GetConnectionString("Default") (A.10.10.3: logs must not hold the credentials they protect).
        if (name == "GetConnectionString")
        {
            Report(invocation, anchor, "connection string", whole, found);
            return;
        }

        // configuration.GetValue<string>("Jwt:Secret"): the key says what the value is.
        if (name == "GetValue" && invocation.Arguments.Length >= 2
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string key }
            && CredentialReason(key) is { } keyReason)
        {
            Report(invocation, anchor, keyReason, whole, found);
            return;
        }

        var type = method.ContainingType;
        if (type is { SpecialType: SpecialType.System_String } && method.IsStatic && name is "Format" or "Concat" or "Join")
        {
            foreach (var argument in invocation.Arguments)
            {
                Walk(argument.Value, anchor, false, depth + 1, found, cancellationToken);
            }

            return;
        }

        if (EncodingMethods.Contains(name) && type is not null
            && (type.Name is "Convert" or "Encoding" || type.BaseType?.Name == "Encoding")
            && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Text")
        {
            foreach (var argument in invocation.Arguments)
            {
                Walk(argument.Value, anchor, false, depth + 1, found, cancellationToken);
            }

            return;
        }

        // JsonSerializer.Serialize(request), JsonConvert.SerializeObject(user): every public member is written out.
        if (SerializerCalls.IsSerialize(method) && invocation.Arguments.Length > 0)
        {
            Walk(invocation.Arguments[0].Value, anchor, false, depth + 1, found, cancellationToken, ObjectRendering.Members);
            return;
        }

        // Request.Cookies.Select(c => $"{c.Key}={c.Value}"): the projection decides whether values leave.
        if (HttpSecretCollections.IsProjection(method) && invocation.Arguments.Length > 0)
        {
            var source = method.IsExtensionMethod ? invocation.Arguments[0].Value : invocation.Instance;
            if (source is not null && HttpSecretCollections.Reason(Unwrap(source)) is { } collectionReason
                && HttpSecretCollections.ProjectionShowsValues(invocation)
                && !HttpSecretCollections.DropsCredentialHeaders(invocation))
            {
                Report(invocation, anchor, collectionReason, whole, found);
            }

            return;
        }

        if (PassThroughMethods.Contains(name) && !method.IsStatic && invocation.Instance is { } instance)
        {
            Walk(instance, anchor, false, depth + 1, found, cancellationToken);
            return;
        }

        // users.GenerateNewTwoFactorRecoveryCodesAsync(…), tokens.GeneratePasswordResetTokenAsync(…): the result is the secret.
        if (SecretProducingMethods.Reason(method) is { } produced)
        {
            Report(invocation, anchor, produced, whole, found);
        }
    }

    private void WalkProperty(IPropertyReferenceOperation reference, IOperation? anchor, bool whole, List<SensitiveValue> found, ObjectRendering rendering)
    {
        var property = reference.Property;

        // Request.Headers["Authorization"], configuration["Jwt:Key"], configuration["ConnectionStrings:Default"].
        if (property.IsIndexer)
        {
            if (reference.Arguments.Length == 1
                && reference.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
                && IsStringLike(property.Type)
                && (CredentialReason(key) ?? HttpSecretCollections.HeaderReason(reference.Instance, key)) is { } reason)
            {
                Report(reference, anchor, reason, whole, found);
            }

            return;
        }

        // Request.Headers, Request.Cookies, HttpRequestMessage.Headers written whole: Authorization and Cookie go too.
        if (HttpSecretCollections.Reason(reference) is { } collection)
        {
            Report(reference, anchor, collection, whole, found);
            return;
        }

        Leaf(reference, property, property.Type, anchor, whole, found, rendering);
    }

    // Returns true when reported (so a local's initializer need not be followed). A null rendering skips the
    // whole-object test (the object's content is judged from what built it).
    private bool Leaf(IOperation operation, ISymbol symbol, ITypeSymbol? type, IOperation? anchor, bool whole, List<SensitiveValue> found, ObjectRendering? rendering)
    {
        if (type is null || IsScalar(type))
        {
            return false;
        }

        if (IsStringLike(type) && (CredentialReason(symbol.Name) ?? PolicyClassOf(symbol) ?? SensitiveDataNames.Reason(symbol.Name)) is { } credential)
        {
            Report(operation, anchor, credential, whole, found);
            return true;
        }

        if (IsTextCollection(type) && (CredentialReason(symbol.Name) ?? SensitiveDataNames.Reason(symbol.Name)) is { } collected)
        {
            Report(operation, anchor, collected, whole, found);
            return true;
        }

        if (!dataClasses.IsEmpty && dataClasses.ClassOfMember(symbol) is { } byMember)
        {
            Report(operation, anchor, byMember, whole, found);
            return true;
        }

        if (!dataClasses.IsEmpty && type.SpecialType == SpecialType.None && dataClasses.ClassOfObject(type) is { } byType)
        {
            Report(operation, anchor, byType, whole, found);
            return true;
        }

        if (rendering is { } shown && objectMembers.Reason(type, shown) is { } member)
        {
            Report(operation, anchor, member, whole, found);
            return true;
        }

        return false;
    }

    // The policy's own name for a member (dataClasses[].memberNames) wins over the built-in vocabulary.
    private string? PolicyClassOf(ISymbol symbol) => dataClasses.IsEmpty ? null : dataClasses.ClassOfMember(symbol);

    private static IOperation Unwrap(IOperation operation) => OperationShapes.SkipConversionsAndParentheses(operation);

    private static IConditionalAccessOperation? FindConditionalAccess(IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access;
            }
        }

        return null;
    }

    // string[] RecoveryCodes, IEnumerable<string> codes: every element is the secret the name describes.
    private static bool IsTextCollection(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } => true,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic =>
            generic.TypeArguments[0].SpecialType == SpecialType.System_String && generic.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic",
        _ => false,
    };


    private static void Report(IOperation value, IOperation? anchor, string reason, bool whole, List<SensitiveValue> found) =>
        found.Add(new SensitiveValue(anchor ?? value, value, reason, whole && anchor is null));

    // Counts, lengths, flags, dates and enums say nothing about the secret (password.Length, hasPassword, tokenCount).
    private static bool IsScalar(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.Name is "Guid" or "TimeSpan" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "CancellationToken"
            && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Threading";
    }

    // Types a credential can be held in: text, raw bytes, header values, or object.
    internal static bool IsStringLike(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
                return true;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte })
        {
            return true;
        }

        return type.TypeKind == TypeKind.Dynamic
            || type.Name is "StringValues" or "SecureString" or "NetworkCredential"
            || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } span
                && span.TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte);
    }
}
