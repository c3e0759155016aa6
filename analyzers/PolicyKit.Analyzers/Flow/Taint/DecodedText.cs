using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Text decoded from an encoded request value: <c>Encoding.UTF8.GetString(Convert.FromBase64String(x))</c> and
/// <c>WebEncoders.Base64UrlDecode(x)</c>. The bytes in between are not followed as data (hashes and ciphertexts are
/// bytes too), so the decoding pair is recognised as a whole: the decoded text is the client's as much as <c>x</c>.
/// </summary>
internal static class DecodedText
{
    /// <summary>The encoded text a <c>GetString</c> call decodes, or null when the call is not such a pair.</summary>
    public static IOperation? Of(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "GetString" || invocation.Arguments.Length == 0
            || !TypeNames.DerivesFrom(invocation.TargetMethod.ContainingType, "System.Text", "Encoding"))
        {
            return null;
        }

        var bytes = invocation.Arguments[0].Value;
        while (bytes is IConversionOperation conversion)
        {
            bytes = conversion.Operand;
        }

        if (bytes is not IInvocationOperation { Arguments.Length: > 0 } decode)
        {
            return null;
        }

        var type = decode.TargetMethod.ContainingType;
        var decodes = decode.TargetMethod.Name switch
        {
            "FromBase64String" => TypeNames.Is(type, "System", "Convert"),
            "Base64UrlDecode" => TypeNames.Is(type, "Microsoft.AspNetCore.WebUtilities", "WebEncoders"),
            "DecodeFromChars" or "DecodeFromUtf8" => TypeNames.InNamespace(type?.ContainingNamespace, "System.Buffers.Text"),
            _ => false,
        };
        return decodes ? decode.Arguments[0].Value : null;
    }
}
