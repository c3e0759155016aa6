using System;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Methods whose text result is itself a secret, told by a verb of making or fetching followed by what they make:
/// <c>GeneratePasswordResetTokenAsync</c>, <c>GenerateNewTwoFactorRecoveryCodesAsync</c>, <c>GetAuthenticatorKeyAsync</c>,
/// <c>JsonWebTokenHandler.CreateToken</c>, <c>WriteToken</c>. Only results that are text (or a task or collection of
/// text) count; <c>HashPassword</c>, <c>Mask</c> and <c>Protect</c> transform a secret and are not listed.
/// </summary>
internal static class SecretProducingMethods
{
    /// <summary>Why the result of <paramref name="method"/> is a secret, or null.</summary>
    public static string? Reason(IMethodSymbol method)
    {
        if (!ReturnsText(method.ReturnType))
        {
            return null;
        }

        var name = method.Name;
        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        var words = CredentialNames.Split(name);
        if (words.Count < 2 || words[0] is not ("generate" or "create" or "write" or "issue" or "get" or "new" or "read"))
        {
            return null;
        }

        var rest = name.Substring(words[0].Length);
        if (CredentialNames.Classify(rest) == CredentialNameKind.Secret)
        {
            var head = words[words.Count - 1];
            return head is "hash" or "hashed" ? null : head == "token" ? "token" : "secret";
        }

        var reason = SensitiveDataNames.Reason(rest);
        return reason is "recovery code" or "one-time code" or "authenticator key" or "token" ? reason : null;
    }

    private static bool ReturnsText(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            type = task.TypeArguments[0];
        }

        return type switch
        {
            { SpecialType: SpecialType.System_String } => true,
            IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } => true,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic => generic.TypeArguments[0].SpecialType == SpecialType.System_String,
            _ => false,
        };
    }
}
