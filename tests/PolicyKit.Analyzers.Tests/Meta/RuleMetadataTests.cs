using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Meta;

/// <summary>Bookkeeping every rule must carry: docs page, release entry, EN/JA text, CWE and control tags.</summary>
public sealed class RuleMetadataTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = AllAnalyzers.Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .ToArray();

    [Fact]
    public void Every_rule_has_a_help_link_to_its_docs_page_and_the_page_exists()
    {
        Assert.NotEmpty(Descriptors);
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal(DocsLink.For(descriptor.Id), descriptor.HelpLinkUri);
            var page = Path.Combine(AllAnalyzers.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id}: {page} is missing");
            Assert.StartsWith("# " + descriptor.Id, File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_is_in_a_release_file()
    {
        var folder = Path.Combine(AllAnalyzers.RepositoryRoot, "analyzers", "PolicyKit.Analyzers");
        var releases = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors)
        {
            Assert.Matches(new Regex("^" + descriptor.Id + @" \| " + Regex.Escape(descriptor.Category) + @" \|", RegexOptions.Multiline), releases);
        }
    }

    [Fact]
    public void Every_rule_has_english_and_japanese_text()
    {
        var english = CultureInfo.GetCultureInfo("en");
        var japanese = CultureInfo.GetCultureInfo("ja");
        foreach (var descriptor in Descriptors)
        {
            foreach (var text in new[] { descriptor.Title, descriptor.MessageFormat, descriptor.Description })
            {
                var en = text.ToString(english);
                var ja = text.ToString(japanese);
                Assert.False(string.IsNullOrWhiteSpace(en), descriptor.Id);
                Assert.False(string.IsNullOrWhiteSpace(ja), descriptor.Id);
                if (en != "{0}")
                {
                    Assert.NotEqual(en, ja);
                    Assert.Contains(ja, c => c >= '\u3040' && c <= '\u9fff');
                }
            }
        }
    }

    [Fact]
    public void Every_security_rule_carries_cwe_and_control_tags()
    {
        foreach (var descriptor in Descriptors.Where(d => !d.Id.StartsWith("PK9", StringComparison.Ordinal)))
        {
            Assert.Contains(descriptor.CustomTags, t => t.StartsWith(PolicyRule.CweTagPrefix, StringComparison.Ordinal));
            Assert.Contains(descriptor.CustomTags, t => t.StartsWith(PolicyRule.ControlTagPrefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_control_a_rule_cites_is_in_the_control_catalog_and_lists_the_rule_back()
    {
        var catalog = ControlCatalog.Embedded;
        foreach (var descriptor in Descriptors)
        {
            foreach (var tag in descriptor.CustomTags.Where(t => t.StartsWith(PolicyRule.ControlTagPrefix, StringComparison.Ordinal)))
            {
                var id = tag.Substring(PolicyRule.ControlTagPrefix.Length);
                var control = catalog.Find(id);
                Assert.True(control is not null, $"{descriptor.Id} cites {id}, which the control catalog does not list");
                Assert.True(control!.Rules.Any(r => r.Matches(descriptor.Id)), $"{descriptor.Id} cites {id}, but the catalog does not list {descriptor.Id} for it");
            }
        }
    }

    [Fact]
    public void Rule_ids_are_unique_per_analyzer_and_follow_the_ranges()
    {
        foreach (var descriptor in Descriptors)
        {
            Assert.Matches("^PK[1-69][0-9]{3}$", descriptor.Id);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
        }
    }
}
