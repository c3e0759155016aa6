using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PolicyKit.Json;

namespace PolicyKit;

/// <summary>
/// The controls of the guidance PolicyKit maps (<c>PolicyKit.Catalog.controls.json</c>): lookup by control, by rule, by
/// source. Empty when the catalog resource is absent.
/// </summary>
public sealed class ControlCatalog
{
    private const string ResourceName = "PolicyKit.Catalog.controls.json";
    private static readonly object Gate = new();
    private static ControlCatalog? embedded;

    private ControlCatalog(IReadOnlyList<CatalogControl> controls, IReadOnlyList<CatalogSource> sources, IReadOnlyList<JsonError> errors)
    {
        Controls = controls;
        Sources = sources;
        Errors = errors;
    }

    /// <summary>A catalog without controls.</summary>
    public static ControlCatalog Empty { get; } = new(Array.Empty<CatalogControl>(), Array.Empty<CatalogSource>(), Array.Empty<JsonError>());

    /// <summary>The embedded catalog (loaded once), or <see cref="Empty"/> when it is not embedded.</summary>
    public static ControlCatalog Embedded
    {
        get
        {
            lock (Gate)
            {
                return embedded ??= LoadEmbedded();
            }
        }
    }

    /// <summary>Every control, in file order.</summary>
    public IReadOnlyList<CatalogControl> Controls { get; }

    /// <summary>Every source document.</summary>
    public IReadOnlyList<CatalogSource> Sources { get; }

    /// <summary>Problems found reading the catalog (entries with problems are skipped).</summary>
    public IReadOnlyList<JsonError> Errors { get; }

    /// <summary>Reads a catalog from JSON text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The catalog; unreadable entries are skipped and reported in <see cref="Errors"/>.</returns>
    public static ControlCatalog Parse(string text)
    {
        var parsed = JsonParser.Parse(text);
        var errors = new List<JsonError>(parsed.Errors);
        var controls = new List<CatalogControl>();
        var sources = new List<CatalogSource>();
        if (parsed.Root is { Kind: JsonNodeKind.Object } root)
        {
            foreach (var node in ArrayOf(root, "controls"))
            {
                var id = Text(node, "id");
                if (node.Kind != JsonNodeKind.Object || id is null)
                {
                    errors.Add(new JsonError(JsonErrorKind.Syntax, "A control needs an \"id\" string.", node.Start, node.Length, node.Line, node.Column));
                    continue;
                }

                var rules = new List<RuleId>();
                foreach (var rule in Texts(node, "rules"))
                {
                    if (RuleId.TryParse(rule, out var ruleId))
                    {
                        rules.Add(ruleId);
                    }
                }

                controls.Add(new CatalogControl
                {
                    Id = new ControlId(id),
                    Source = Text(node, "source") ?? string.Empty,
                    Title = Localized(node.FindMember("title")?.Value),
                    Blocks = Texts(node, "blocks"),
                    Rules = rules,
                    Checkable = (Text(node, "checkable") ?? string.Empty).ToLowerInvariant() switch
                    {
                        "automatic" => Checkability.Automatic,
                        "partial" => Checkability.Partial,
                        "notapplicable" => Checkability.NotApplicable,
                        _ => Checkability.Manual,
                    },
                    Measure = (Text(node, "measure") ?? string.Empty).ToLowerInvariant() switch
                    {
                        "fundamental" => MeasureKind.Fundamental,
                        "mitigation" => MeasureKind.Mitigation,
                        _ => MeasureKind.Unspecified,
                    },
                    Group = Text(node, "group"),
                    Note = node.FindMember("note")?.Value is { } note ? Localized(note) : null,
                });
            }

            foreach (var node in ArrayOf(root, "sources"))
            {
                if (Text(node, "id") is { } id)
                {
                    sources.Add(new CatalogSource(id, Localized(node.FindMember("title")?.Value), Text(node, "document")));
                }
            }
        }

        return new ControlCatalog(controls, sources, errors);
    }

    /// <summary>The control with this id (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The control, or <see langword="null"/>.</returns>
    public CatalogControl? Find(ControlId id)
    {
        foreach (var control in Controls)
        {
            if (control.Id.Equals(id))
            {
                return control;
            }
        }

        return null;
    }

    /// <summary>The control with this id (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The control, or <see langword="null"/>.</returns>
    public CatalogControl? Find(string id) => Find(new ControlId(id));

    /// <summary>The controls a rule checks.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The controls, in catalog order.</returns>
    public IReadOnlyList<CatalogControl> ForRule(RuleId rule)
    {
        var result = new List<CatalogControl>();
        foreach (var control in Controls)
        {
            foreach (var r in control.Rules)
            {
                if (r.Equals(rule))
                {
                    result.Add(control);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The controls of one source document.</summary>
    /// <param name="source">The source id (<c>mynumber</c>).</param>
    /// <returns>The controls, in catalog order.</returns>
    public IReadOnlyList<CatalogControl> ForSource(string source)
    {
        var result = new List<CatalogControl>();
        foreach (var control in Controls)
        {
            if (string.Equals(control.Source, source, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(control);
            }
        }

        return result;
    }

    /// <summary>The controls of one ※ group of a source (alternatives, any one of which suffices).</summary>
    /// <param name="source">The source id.</param>
    /// <param name="group">The group (<c>1-(i)</c>).</param>
    /// <returns>The controls, in catalog order.</returns>
    public IReadOnlyList<CatalogControl> InGroup(string source, string group)
    {
        var result = new List<CatalogControl>();
        foreach (var control in ForSource(source))
        {
            if (string.Equals(control.Group, group, StringComparison.Ordinal))
            {
                result.Add(control);
            }
        }

        return result;
    }

    /// <summary>The source document with this id, or <see langword="null"/>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The source.</returns>
    public CatalogSource? FindSource(string id)
    {
        foreach (var source in Sources)
        {
            if (string.Equals(source.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return source;
            }
        }

        return null;
    }

    private static ControlCatalog LoadEmbedded()
    {
        using var stream = typeof(ControlCatalog).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return Empty;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    private static IReadOnlyList<JsonNode> ArrayOf(JsonNode node, string key) =>
        node.FindMember(key)?.Value is { Kind: JsonNodeKind.Array } array ? array.Items : Array.Empty<JsonNode>();

    private static string? Text(JsonNode node, string key) =>
        node.FindMember(key)?.Value is { Kind: JsonNodeKind.String } value ? value.StringValue : null;

    private static IReadOnlyList<string> Texts(JsonNode node, string key)
    {
        var list = new List<string>();
        foreach (var item in ArrayOf(node, key))
        {
            if (item.Kind == JsonNodeKind.String)
            {
                list.Add(item.StringValue!);
            }
        }

        return list;
    }

    private static LocalizedText Localized(JsonNode? node) => node switch
    {
        { Kind: JsonNodeKind.String } => new LocalizedText(node.StringValue!, null),
        { Kind: JsonNodeKind.Object } => new LocalizedText(Text(node, "en") ?? Text(node, "ja") ?? string.Empty, Text(node, "ja")),
        _ => new LocalizedText(string.Empty, null),
    };
}
