using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace PolicyKit.Bench;

/// <summary>
/// The figures PolicyKit must not fall below on the corpus (bench/baseline.json, <c>categories</c>) and on the legacy
/// corpus (<c>legacy.categories</c>). A category absent from the file is not gated; <c>tolerance</c> absorbs rounding.
/// </summary>
public sealed record Baseline(double Tolerance, IReadOnlyDictionary<string, (double? Recall, double? Precision)> Categories)
{
    /// <summary>The legacy corpus's floors (the <c>legacy</c> object of the same file; same tolerance).</summary>
    public Baseline? Legacy { get; init; }

    /// <summary>Reads the baseline; a missing file gates nothing.</summary>
    public static Baseline Read(string path)
    {
        var categories = new Dictionary<string, (double?, double?)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new Baseline(0, categories);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var tolerance = root.TryGetProperty("tolerance", out var t) ? t.GetDouble() : 0;
        ReadCategories(root, categories);
        var legacy = new Dictionary<string, (double?, double?)>(StringComparer.Ordinal);
        if (root.TryGetProperty("legacy", out var legacyRoot) && legacyRoot.ValueKind == JsonValueKind.Object)
        {
            ReadCategories(legacyRoot, legacy);
        }

        return new Baseline(tolerance, categories) { Legacy = new Baseline(tolerance, legacy) };
    }

    private static void ReadCategories(JsonElement root, Dictionary<string, (double?, double?)> categories)
    {
        if (root.TryGetProperty("categories", out var cats))
        {
            foreach (var category in cats.EnumerateObject())
            {
                double? recall = category.Value.TryGetProperty("recall", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
                double? precision = category.Value.TryGetProperty("precision", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;
                categories[category.Name] = (recall, precision);
            }
        }
    }

    /// <summary>Every way <paramref name="scores"/> falls below the baseline (empty when the gate passes).</summary>
    public IReadOnlyList<string> Regressions(IEnumerable<CategoryScore> scores)
    {
        var problems = new List<string>();
        foreach (var score in scores)
        {
            if (!Categories.TryGetValue(score.Category, out var floor))
            {
                continue;
            }

            if (floor.Recall is { } minRecall && (score.Recall ?? 0) < minRecall - Tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{score.Category}: recall {score.Recall ?? 0:0.000} < baseline {minRecall:0.000}"));
            }

            // A tool that reports nothing has no precision; the recall floor catches that case.
            if (floor.Precision is { } minPrecision && score.Precision is { } precision && precision < minPrecision - Tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{score.Category}: precision {precision:0.000} < baseline {minPrecision:0.000}"));
            }
        }

        return problems;
    }
}
