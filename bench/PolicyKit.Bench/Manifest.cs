using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyKit.Bench;

/// <summary>The machine-readable label manifest, generated from the markers so that it never drifts.</summary>
public static class Manifest
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest text for <paramref name="labels"/>.</summary>
    public static string Render(IEnumerable<Label> labels)
    {
        var entries = labels.Select(l => new ManifestEntry(
            l.File, l.Line, l.StartLine, l.EndLine, l.Category, l.Vulnerable ? "vulnerable" : "safe", l.CaseId, l.Note));
        return JsonSerializer.Serialize(entries, Options).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Regenerates <c>manifest.json</c> in <paramref name="corpusRoot"/> (tests/Corpus or tests/LegacyCorpus).</summary>
    public static void Write(string corpusRoot) =>
        File.WriteAllText(Path.Combine(corpusRoot, "manifest.json"), Render(CorpusLabels.Read(corpusRoot)));

    private sealed record ManifestEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("file")] string File,
        [property: System.Text.Json.Serialization.JsonPropertyName("line")] int Line,
        [property: System.Text.Json.Serialization.JsonPropertyName("startLine")] int StartLine,
        [property: System.Text.Json.Serialization.JsonPropertyName("endLine")] int EndLine,
        [property: System.Text.Json.Serialization.JsonPropertyName("category")] string Category,
        [property: System.Text.Json.Serialization.JsonPropertyName("expected")] string Expected,
        [property: System.Text.Json.Serialization.JsonPropertyName("case")] string Case,
        [property: System.Text.Json.Serialization.JsonPropertyName("note")] string Note);
}
