using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace PolicyKit.Tests.Catalog;

/// <summary>
/// Pins the IPA 「安全なウェブサイトの作り方」 改訂第7版 checklist as it was verified on 2026-11-26 against public
/// transcriptions (docs/ipa-websecurity-7.md, "Wording verified against"): the item numbers of each section, the
/// 根本的解決 / 保険的対策 label of each item, the ※ groups and the Japanese wording. An edit to any of them fails here
/// and must come with a new entry in that verification record.
/// </summary>
public sealed class IpaChecklistVerifiedStructureTests
{
    // Section → items as verified: "number label [※]" (根本 = 根本的解決, 保険 = 保険的対策, ※ = any one of the group suffices).
    private static readonly IReadOnlyDictionary<int, string[]> Sections = new Dictionary<int, string[]>
    {
        [1] = ["1-(i)-a 根本 ※", "1-(i)-b 根本 ※", "1-(ii) 根本", "1-(iii) 保険", "1-(iv) 保険"],
        [2] = ["2-(i) 根本", "2-(ii) 保険"],
        [3] = ["3-(i)-a 根本 ※", "3-(i)-b 根本 ※", "3-(ii) 保険", "3-(iii) 保険"],
        [4] = ["4-(i) 根本", "4-(ii) 根本", "4-(iii) 根本", "4-(iv)-a 根本 ※", "4-(iv)-b 根本 ※", "4-(v) 保険", "4-(vi) 保険"],
        [5] = ["5-(i) 根本", "5-(ii) 根本", "5-(iii) 根本", "5-(iv) 根本", "5-(v) 保険", "5-(vi) 根本", "5-(vii) 保険", "5-(viii) 根本", "5-(ix) 保険", "5-(x) 保険"],
        [6] = ["6-(i)-a 根本 ※", "6-(i)-b 根本 ※", "6-(i)-c 根本 ※", "6-(ii) 保険"],
        [7] = ["7-(i)-a 根本 ※", "7-(i)-b 根本 ※", "7-(ii) 保険"],
        [8] = ["8-(i)-a 根本 ※", "8-(i)-b 根本 ※", "8-(ii) 根本", "8-(iii) 保険"],
        [9] = ["9-(i)-a 根本 ※", "9-(i)-b 根本 ※", "9-(ii) 保険"],
        [10] = ["10-(i)-a 根本 ※", "10-(i)-b 根本 ※", "10-(ii) 根本"],
        [11] = ["11-(i) 根本", "11-(ii) 根本"],
    };

    // SHA-256 of "IPA-WEB-<number> <title.ja>" lines, in checklist order, joined by "\n", as verified on 2026-11-26.
    private const string VerifiedWordingSha256 = "8526f19d3dee10f20e9b50ae4d298492c3a0ed983a49317d88e8e5b3b85d57ef";

    private static readonly IReadOnlyList<CatalogControl> Checklist = ControlCatalog.Embedded.ForSource("ipa-websecurity-7");

    [Fact]
    public void Each_section_has_the_verified_item_numbers_in_order()
    {
        foreach (var (section, items) in Sections)
        {
            var actual = Checklist.Select(Number).Where(n => n.StartsWith(section + "-(", StringComparison.Ordinal));
            Assert.Equal(items.Select(i => i.Split(' ')[0]), actual);
        }

        Assert.Equal(47, Checklist.Count);
        Assert.Equal(Sections.Values.SelectMany(i => i).Select(i => i.Split(' ')[0]), Checklist.Select(Number));
    }

    [Fact]
    public void Each_item_has_the_verified_measure()
    {
        var expected = Sections.Values.SelectMany(i => i).ToDictionary(i => i.Split(' ')[0], i => i.Split(' ')[1] == "根本" ? MeasureKind.Fundamental : MeasureKind.Mitigation);

        Assert.All(Checklist, c => Assert.True(expected[Number(c)] == c.Measure, $"{c.Id}: {c.Measure}, verified {expected[Number(c)]}"));
        Assert.Equal(32, Checklist.Count(c => c.Measure == MeasureKind.Fundamental));
        Assert.Equal(15, Checklist.Count(c => c.Measure == MeasureKind.Mitigation));
    }

    [Fact]
    public void The_any_one_suffices_groups_are_the_verified_ones()
    {
        var marked = Sections.Values.SelectMany(i => i).Where(i => i.EndsWith(" ※", StringComparison.Ordinal)).Select(i => i.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Checklist, c => Assert.Equal(marked.Contains(Number(c)) ? Number(c)[..^2] : null, c.Group));
        Assert.Equal(
            new[] { "1-(i)", "3-(i)", "4-(iv)", "6-(i)", "7-(i)", "8-(i)", "9-(i)", "10-(i)" },
            Checklist.Where(c => c.Group is not null).Select(c => c.Group!).Distinct());
        // Every group has at least two alternatives: a ※ group of one would let a single item pass as "done elsewhere".
        Assert.All(Checklist.Where(c => c.Group is not null).GroupBy(c => c.Group), g => Assert.True(g.Count() >= 2, g.Key));
    }

    [Fact]
    public void The_japanese_wording_is_the_verified_wording()
    {
        var lines = string.Join("\n", Checklist.Select(c => c.Id.Value + " " + c.Title.Ja));
        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));

        Assert.True(
            actual == VerifiedWordingSha256,
            "title.ja of an IPA-WEB item changed: compare it with the sources in docs/ipa-websecurity-7.md, record the change there, then update this hash to " + actual);
    }

    [Fact]
    public void The_two_corrected_items_keep_the_checklist_wording()
    {
        // 6-(i)-b asks for the password again on the page just before the operation (corrected from 「処理を実行する前に」).
        Assert.StartsWith("処理を実行する直前のページで再度パスワードの入力を求め", Title("6-(i)-b"), StringComparison.Ordinal);
        Assert.Equal(Title("9-(i)-b"), Title("6-(i)-b"));
        // 8-(i)-b is worded as in the checklist, not as in section 1.8's body text (「メールヘッダを固定値にできない場合、…」).
        Assert.Equal("ウェブアプリケーションの実行環境や言語に用意されているメール送信用APIを使用する（8-(i) を採用できない場合）", Title("8-(i)-b"));
    }

    [Fact]
    public void The_twenty_articles_are_the_source_checkable_ones_and_stay_marked_as_paraphrases()
    {
        var articles = ControlCatalog.Embedded.ForSource("ipa-sitecheck-20");

        Assert.Equal(new[] { "IPA-SITE-03", "IPA-SITE-05", "IPA-SITE-06", "IPA-SITE-07", "IPA-SITE-08", "IPA-SITE-12" }, articles.Select(c => c.Id.Value));
        // Not checked against IPA's own page: the titles must keep saying they are paraphrases.
        Assert.All(articles, c => Assert.EndsWith("（趣旨）", c.Title.Ja, StringComparison.Ordinal));
        Assert.All(articles, c => Assert.EndsWith("(paraphrase)", c.Title.En, StringComparison.Ordinal));
    }

    private static string Number(CatalogControl control) => control.Id.Value["IPA-WEB-".Length..];

    private static string Title(string number) => Checklist.Single(c => Number(c) == number).Title.Ja!;
}
