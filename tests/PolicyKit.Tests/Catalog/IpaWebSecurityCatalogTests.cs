using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PolicyKit.Tests.Catalog;

/// <summary>
/// The IPA 「安全なウェブサイトの作り方」 checklist as catalog controls: every item is there with its measure and ※ group,
/// and every item a review checks automatically is backed by a rule with a docs page and at least one labelled case.
/// </summary>
public sealed class IpaWebSecurityCatalogTests
{
    // The checklist's item numbers (改訂第7版, セキュリティ実装 チェックリスト), in order.
    private static readonly string[] Items =
    [
        "1-(i)-a", "1-(i)-b", "1-(ii)", "1-(iii)", "1-(iv)", "2-(i)", "2-(ii)", "3-(i)-a", "3-(i)-b", "3-(ii)", "3-(iii)",
        "4-(i)", "4-(ii)", "4-(iii)", "4-(iv)-a", "4-(iv)-b", "4-(v)", "4-(vi)",
        "5-(i)", "5-(ii)", "5-(iii)", "5-(iv)", "5-(v)", "5-(vi)", "5-(vii)", "5-(viii)", "5-(ix)", "5-(x)",
        "6-(i)-a", "6-(i)-b", "6-(i)-c", "6-(ii)", "7-(i)-a", "7-(i)-b", "7-(ii)", "8-(i)-a", "8-(i)-b", "8-(ii)", "8-(iii)",
        "9-(i)-a", "9-(i)-b", "9-(ii)", "10-(i)-a", "10-(i)-b", "10-(ii)", "11-(i)", "11-(ii)",
    ];

    private static readonly ControlCatalog Catalog = ControlCatalog.Embedded;

    [Fact]
    public void Every_checklist_item_is_a_control_in_checklist_order_with_both_titles_and_a_measure()
    {
        var controls = Catalog.ForSource("ipa-websecurity-7");

        Assert.Equal(Items.Select(i => "IPA-WEB-" + i), controls.Select(c => c.Id.Value));
        Assert.All(controls, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Title.En), c.Id.Value);
            Assert.Contains(c.Title.Ja!, ch => ch >= '\u3040' && ch <= '\u9fff');
            Assert.NotEqual(MeasureKind.Unspecified, c.Measure);
        });
        Assert.NotNull(Catalog.FindSource("ipa-websecurity-7"));
    }

    [Fact]
    public void Items_with_a_letter_suffix_form_the_any_one_suffices_groups()
    {
        foreach (var control in Catalog.ForSource("ipa-websecurity-7"))
        {
            var id = control.Id.Value["IPA-WEB-".Length..];
            var lettered = id.EndsWith("-a", StringComparison.Ordinal) || id.EndsWith("-b", StringComparison.Ordinal) || id.EndsWith("-c", StringComparison.Ordinal);
            Assert.Equal(lettered ? id[..^2] : null, control.Group);
        }

        Assert.Equal(new[] { "IPA-WEB-6-(i)-a", "IPA-WEB-6-(i)-b", "IPA-WEB-6-(i)-c" }, Catalog.InGroup("ipa-websecurity-7", "6-(i)").Select(c => c.Id.Value));
        Assert.Equal(MeasureKind.Mitigation, Catalog.Find("IPA-WEB-1-(iii)")!.Measure);
        Assert.Equal(MeasureKind.Fundamental, Catalog.Find("IPA-WEB-1-(i)-a")!.Measure);
    }

    [Fact]
    public void Manual_items_have_no_rules_and_checked_items_have_at_least_one()
    {
        foreach (var control in Catalog.ForSource("ipa-websecurity-7").Concat(Catalog.ForSource("ipa-sitecheck-20")))
        {
            if (control.Checkable is Checkability.Automatic or Checkability.Partial)
            {
                Assert.True(control.Rules.Count > 0, control.Id.Value + " is checked but names no rule");
            }
            else
            {
                Assert.True(control.Rules.Count == 0, control.Id.Value + " is manual or not applicable but names rules");
            }
        }

        Assert.Equal(Checkability.NotApplicable, Catalog.Find("IPA-WEB-10-(i)-a")!.Checkable);
        Assert.NotNull(Catalog.Find("IPA-WEB-10-(i)-a")!.Note);
    }

    [Fact]
    public void Every_automatically_checked_item_maps_to_rules_with_a_docs_page_and_a_labelled_case()
    {
        var root = RepositoryRoot();
        var labelled = CorpusVulnerableCategories(root);
        var automatic = Catalog.ForSource("ipa-websecurity-7").Concat(Catalog.ForSource("ipa-sitecheck-20"))
            .Where(c => c.Checkable is Checkability.Automatic or Checkability.Partial).ToList();

        Assert.NotEmpty(automatic);
        foreach (var control in automatic)
        {
            foreach (var rule in control.Rules.Select(r => r.ToString()))
            {
                Assert.True(File.Exists(Path.Combine(root, "docs", "rules", rule + ".md")), $"{control.Id}: {rule} has no docs page (not a rule on this branch)");
                // A rule's own test file (PK1006…Tests.cs), or a family file that marks the rule in its markup (Legacy/PK6001WebConfigTests.cs).
                var tests = Directory.GetFiles(Path.Combine(root, "tests", "PolicyKit.Analyzers.Tests", "Rules"), "*Tests.cs", SearchOption.AllDirectories)
                    .Where(t => Path.GetFileName(t).StartsWith(rule, StringComparison.Ordinal) || File.ReadAllText(t).Contains("{|" + rule + ":", StringComparison.Ordinal));
                var flagged = tests.Any(t => File.ReadAllText(t).Contains("public Task Flags_", StringComparison.Ordinal));
                Assert.True(labelled.Contains(rule) || flagged, $"{control.Id}: {rule} has no labelled vulnerable case in tests/Corpus/manifest.json nor a Flags_ analyzer test");
            }
        }
    }

    [Fact]
    public void The_profile_cites_only_checklist_items()
    {
        var profile = Profiles.Load("ipa-websecurity-7");

        Assert.All(profile.Sources.Values.Where(s => s.Source != "ipa-websecurity-7"), s => Assert.StartsWith("IPA-WEB-", s.ClauseId, StringComparison.Ordinal));
        Assert.Equal("IPA-WEB-4-(iii)", profile.SourceOf("session.cookie.secure").ClauseId);
    }

    [Fact]
    public void Reads_measure_group_note_and_not_applicable()
    {
        var catalog = ControlCatalog.Parse("""
            { "controls": [
              { "id": "X-1", "source": "s", "title": "a", "checkable": "notApplicable", "measure": "mitigation", "group": "1-(i)", "note": { "en": "why", "ja": "理由" } },
              { "id": "X-2", "source": "s", "title": "b", "measure": "fundamental", "group": "1-(i)" },
              { "id": "X-3", "source": "s", "title": "c" } ] }
            """);

        Assert.Equal(Checkability.NotApplicable, catalog.Find("X-1")!.Checkable);
        Assert.Equal(MeasureKind.Mitigation, catalog.Find("X-1")!.Measure);
        Assert.Equal("理由", catalog.Find("X-1")!.Note!.Get(japanese: true));
        Assert.Equal(MeasureKind.Fundamental, catalog.Find("X-2")!.Measure);
        Assert.Equal(2, catalog.InGroup("s", "1-(i)").Count);
        Assert.Equal(MeasureKind.Unspecified, catalog.Find("X-3")!.Measure);
        Assert.Null(catalog.Find("X-3")!.Group);
        Assert.Null(catalog.Find("X-3")!.Note);
    }

    private static System.Collections.Generic.HashSet<string> CorpusVulnerableCategories(string root)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "Corpus", "manifest.json")));
        return document.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("expected").GetString() == "vulnerable")
            .Select(e => e.GetProperty("category").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    }
}
