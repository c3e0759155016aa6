using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;
using PolicyKit.Json;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK2001 in configuration files: <c>appsettings*.json</c> given as AdditionalFiles (the PolicyKit package adds them)
/// checked with the same name and value rules as code: <c>ConnectionStrings:Default</c> with <c>Password=</c>,
/// <c>Jwt:Key</c>, <c>Smtp:Password</c>, <c>ApiKey</c>. Reported at the value inside the JSON.
/// </summary>
public sealed partial class PK2001HardcodedCredentialAnalyzer
{
    // A settings file of this size is not hand-written configuration; bounding it keeps the scan linear and small.
    private const int MaximumSettingsLength = 4 * 1024 * 1024;

    internal static bool IsSettingsFile(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static void AnalyzeSettingsFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!IsSettingsFile(file.Path) || file.GetText(context.CancellationToken) is not { } text || text.Length > MaximumSettingsLength)
        {
            return;
        }

        var parsed = JsonParser.Parse(text.ToString(), JsonParseOptions.Lenient);
        if (parsed.Root is null)
        {
            return; // a broken settings file is the build's problem, not a credential
        }

        var policy = AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken);
        var pending = new Stack<(JsonNode Node, string Path)>();
        pending.Push((parsed.Root, string.Empty));
        while (pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (node, path) = pending.Pop();
            switch (node.Kind)
            {
                case JsonNodeKind.Object:
                    foreach (var member in node.Members)
                    {
                        pending.Push((member.Value, path.Length == 0 ? member.Key : path + ":" + member.Key));
                    }

                    break;
                case JsonNodeKind.Array:
                    for (var i = 0; i < node.Items.Count; i++)
                    {
                        pending.Push((node.Items[i], path + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    break;
                case JsonNodeKind.String when IsSecretSetting(path, node.StringValue ?? string.Empty):
                    var span = new TextSpan(node.Start, node.Length);
                    var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                    context.ReportDiagnostic(PolicyDiagnostic.Create(policy, Rule, location, symbol: null, severity: null, properties: null, path));
                    break;
            }
        }
    }

    // The key path decides what the value is, as a member name does in code; any value that is a connection string
    // with a password counts whatever its key (vendors put them under "Db", "Sql", "Default").
    private static bool IsSecretSetting(string path, string value)
    {
        if (value.IndexOf('=') > 0 && value.IndexOf(';') > 0 && CredentialValues.HasConnectionStringSecret(value))
        {
            return true;
        }

        return CredentialNames.Classify(path) switch
        {
            CredentialNameKind.None or CredentialNameKind.ConnectionString => false,
            CredentialNameKind.AuthorizationHeader => CredentialValues.IsAuthorizationSecret(value),
            _ => CredentialValues.IsSecret(value, LastSegment(path)),
        };
    }

    private static string LastSegment(string path) => path.Substring(path.LastIndexOf(':') + 1);
}
