using System.Linq;

namespace PolicyKit.Tests.Catalog;

public sealed class ControlCatalogTests
{
    private const string Text = """
        {
          "controls": [
            { "id": "MN-11", "source": "mynumber", "title": { "en": "Password length", "ja": "パスワードの長さ" },
              "blocks": ["password.minimumLength"], "rules": ["PK3003"], "checkable": "automatic" },
            { "id": "MN-13", "source": "mynumber", "title": { "en": "Lockout" }, "blocks": ["password.lockout.threshold"],
              "rules": ["PK3003", "bogus"], "checkable": "partial" },
            { "id": "MIC-38", "source": "mic", "title": "SQL injection", "rules": ["PK1001"] },
            { "source": "mic" }
          ],
          "sources": [ { "id": "mynumber", "title": { "en": "My Number guideline", "ja": "特定個人情報ガイドライン" }, "document": "PPC 2014" } ]
        }
        """;

    private static readonly ControlCatalog Catalog = ControlCatalog.Parse(Text);

    [Fact]
    public void Looks_up_controls_by_id_rule_and_source()
    {
        Assert.Equal("パスワードの長さ", Catalog.Find("mn-11")!.Title.Get(japanese: true));
        Assert.Equal(new[] { "MN-11", "MN-13" }, Catalog.ForRule(new RuleId("PK3003")).Select(c => c.Id.Value));
        Assert.Equal(new[] { "MIC-38" }, Catalog.ForSource("MIC").Select(c => c.Id.Value));
        Assert.Null(Catalog.Find("MN-99"));
    }

    [Fact]
    public void Reads_checkability_titles_and_sources()
    {
        Assert.Equal(Checkability.Automatic, Catalog.Find("MN-11")!.Checkable);
        Assert.Equal(Checkability.Partial, Catalog.Find("MN-13")!.Checkable);
        Assert.Equal(Checkability.Manual, Catalog.Find("MIC-38")!.Checkable);
        Assert.Equal("Lockout", Catalog.Find("MN-13")!.Title.Get(japanese: true));
        Assert.Equal("SQL injection", Catalog.Find("MIC-38")!.Title.En);
        Assert.Single(Catalog.Find("MN-13")!.Rules);
        Assert.Equal("PPC 2014", Catalog.FindSource("mynumber")!.Document);
    }

    [Fact]
    public void Skips_and_reports_entries_without_id()
    {
        Assert.Equal(3, Catalog.Controls.Count);
        Assert.Single(Catalog.Errors);
    }

    [Fact]
    public void Broken_text_gives_an_empty_catalog_with_errors()
    {
        var catalog = ControlCatalog.Parse("{ \"controls\": [ ");

        Assert.Empty(catalog.Controls);
        Assert.NotEmpty(catalog.Errors);
    }

    [Fact]
    public void The_embedded_catalog_loads_or_is_empty()
    {
        var catalog = ControlCatalog.Embedded;

        Assert.Empty(catalog.Errors);
        Assert.Same(catalog, ControlCatalog.Embedded);
    }
}
