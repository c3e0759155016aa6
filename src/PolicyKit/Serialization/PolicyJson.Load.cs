#if !POLICYKIT_ANALYZERS
using System;
using System.IO;

namespace PolicyKit;

/// <content>Reading from the file system: not compiled into the analyzers, which receive files from the compiler.</content>
public static partial class PolicyJson
{
    /// <summary>Reads policykit.json from disk. A missing or unreadable file is an error in the result, not an exception.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The effective and declared policy, errors, conflicts and hash.</returns>
    public static PolicyLoadResult Load(string path)
    {
        string text;
        try
        {
            // Checked before reading: a policy file of gigabytes must not be read into memory to be refused.
            var limit = Json.JsonParseOptions.Strict.MaxSize;
            if (new FileInfo(path).Length > limit)
            {
                var tooLarge = new PolicyError("$", PolicyErrorKind.TooLarge, $"The policy file is larger than the limit of {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes; expected a policykit.json of at most 4 MiB.", null, PolicyLocation.FileStart(path));
                return new PolicyLoadResult(null, null, new[] { tooLarge }, Array.Empty<PolicyConflict>(), string.Empty);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var error = new PolicyError("$", PolicyErrorKind.FileNotFound, $"Cannot read the policy file \"{path}\": {e.Message} Expected a readable policykit.json.", null, PolicyLocation.FileStart(path));
            return new PolicyLoadResult(null, null, new[] { error }, Array.Empty<PolicyConflict>(), string.Empty);
        }

        return Parse(text, path);
    }
}
#endif
