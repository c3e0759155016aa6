using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyKit.Cli.Review;
using static PolicyKit.Cli.Reports.ViewMarkup;

namespace PolicyKit.Cli.Reports;

/// <summary>One agreed value of the security specification.</summary>
/// <param name="Path">The policykit.json path (<c>session.cookie.secure</c>).</param>
/// <param name="Value">The value as JSON text.</param>
/// <param name="Clause">The clause it comes from, or <see langword="null"/> when the adopter set it.</param>
/// <param name="ClauseTitle">The clause's title in the document's language.</param>
internal sealed record SpecValue(string Path, string Value, string? Clause, string ClauseTitle);

/// <summary>
/// The active policy as a セキュリティ仕様 appendix for the contract (情報システム・モデル取引・契約書 第二版 第50条): every
/// agreed value with its source clause, the open decisions, the waivers, and the policy hash that review reports quote.
/// </summary>
/// <param name="Policy">The policy read.</param>
/// <param name="Values">The effective values, in canonical order.</param>
internal sealed record SecuritySpec(PolicyInput Policy, IReadOnlyList<SpecValue> Values)
{
    private static readonly Dictionary<string, (string Ja, string En)> Text = new()
    {
        ["Title"] = ("セキュリティ仕様 (別紙)", "Security specification (appendix)"),
        ["Intro"] = ("本書は発注者と受注者が合意したセキュリティ要求を policykit.json から生成したものである。検収時のソースコード診断 (policykit review) は本書と同じポリシーハッシュのポリシーで実施し、報告書にそのハッシュを記載する。", "This appendix is generated from policykit.json and states the security requirements both parties agreed. The source-code review at acceptance (policykit review) uses the policy with the same hash, which its reports quote."),
        ["Policy"] = ("ポリシー", "Policy"),
        ["Version"] = ("版", "Version"),
        ["Hash"] = ("ポリシーのハッシュ (SHA-256)", "Policy hash (SHA-256)"),
        ["Origin"] = ("出典", "Origin"),
        ["Profiles"] = ("適用するプロファイル", "Profiles applied"),
        ["Values"] = ("要求値", "Required values"),
        ["Path"] = ("項目", "Setting"),
        ["Value"] = ("値", "Value"),
        ["Clause"] = ("根拠", "Source clause"),
        ["Adopter"] = ("発注者の決定", "adopter's decision"),
        ["Pending"] = ("未決定事項 (合意が必要)", "Open decisions (to be agreed)"),
        ["Waivers"] = ("例外承認", "Waivers"),
        ["None"] = ("なし", "none"),
        ["Acceptance"] = ("検収の方法", "How acceptance is checked"),
        ["AcceptanceText"] = ("policykit review により、本ポリシーで受入れレビュー・IPA チェックリスト・脆弱性診断報告書を作成する。総合評価の基準と解析範囲の閾値は docs/diagnosis-report.md と docs/review-coverage.md に定める。解析不完全の場合は合格としない。", "policykit review produces the acceptance report, the IPA checklist and the vulnerability assessment report under this policy. The grading rule and the coverage thresholds are in docs/diagnosis-report.md and docs/review-coverage.md. An incomplete analysis is never a pass."),
    };

    /// <summary>Reads the effective policy into spec values.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="catalog">The control catalog (clause titles).</param>
    /// <param name="japanese">Whether clause titles are Japanese.</param>
    /// <returns>The spec.</returns>
    public static SecuritySpec Build(PolicyInput policy, ControlCatalog catalog, bool japanese)
    {
        var effective = policy.Load.Policy!;
        var values = new List<SpecValue>();
        using var document = JsonDocument.Parse(PolicyJson.Write(effective));
        Flatten(document.RootElement, string.Empty, values, effective, catalog, japanese);
        return new SecuritySpec(policy, values);
    }

    /// <summary>Writes the spec as Markdown.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="o">The output.</param>
    public void WriteMarkdown(string language, TextWriter o)
    {
        string T(string key) => language == "ja" ? Text[key].Ja : Text[key].En;
        var declared = Policy.Load.Declared ?? Policy.Load.Policy!;
        o.Write($"# {T("Title")}\n\n{T("Intro")}\n\n| | |\n|---|---|\n| {T("Policy")} | {Cell(declared.Name ?? Policy.Origin)} |\n| {T("Version")} | {Cell(declared.Version ?? "—")} |\n");
        o.Write($"| {T("Hash")} | `{Policy.Load.Hash}` |\n| {T("Profiles")} | {Cell(declared.Profiles.Count == 0 ? T("None") : string.Join(", ", declared.Profiles))} |\n\n## {T("Values")}\n\n| {T("Path")} | {T("Value")} | {T("Clause")} |\n|---|---|---|\n");
        foreach (var v in Values)
        {
            o.Write($"| `{v.Path}` | `{Cell(v.Value)}` | {(v.Clause is null ? T("Adopter") : Cell(v.Clause + (v.ClauseTitle.Length > 0 ? " " + v.ClauseTitle : string.Empty)))} |\n");
        }

        o.Write($"\n## {T("Pending")}\n\n");
        o.Write(Policy.PendingDecisions.Count == 0 ? T("None") + "\n" : string.Concat(Policy.PendingDecisions.Select(e => $"- `{e.JsonPath}`{(e.Clause is null ? string.Empty : " [" + e.Clause + "]")}: {Cell(e.Message)}\n")));
        o.Write($"\n## {T("Waivers")}\n\n");
        o.Write(declared.Waivers.Count == 0 ? T("None") + "\n" : string.Concat(declared.Waivers.Select(w => $"- {w.Rule} `{w.Path ?? w.Symbol ?? "*"}`: {Cell(w.Justification ?? string.Empty)} ({w.Approver}, {w.Expires})\n")));
        o.Write($"\n## {T("Acceptance")}\n\n{T("AcceptanceText")}\n");
    }

    /// <summary>Writes the spec as one self-contained HTML file.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="o">The output.</param>
    public void WriteHtml(string language, TextWriter o)
    {
        string T(string key) => language == "ja" ? Text[key].Ja : Text[key].En;
        var declared = Policy.Load.Declared ?? Policy.Load.Policy!;
        o.Write($"<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(T("Title"))}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<h1>{E(T("Title"))}</h1>\n<p>{E(T("Intro"))}</p>\n<table>\n");
        o.Write($"<tr><th>{E(T("Policy"))}</th><td>{E(declared.Name ?? Policy.Origin)}</td></tr>\n<tr><th>{E(T("Version"))}</th><td>{E(declared.Version ?? "—")}</td></tr>\n<tr><th>{E(T("Hash"))}</th><td><code id=\"policy-hash\">{Policy.Load.Hash}</code></td></tr>\n<tr><th>{E(T("Profiles"))}</th><td>{E(declared.Profiles.Count == 0 ? T("None") : string.Join(", ", declared.Profiles))}</td></tr>\n</table>\n");
        o.Write($"<h2>{E(T("Values"))}</h2>\n<table>\n<tr><th>{E(T("Path"))}</th><th>{E(T("Value"))}</th><th>{E(T("Clause"))}</th></tr>\n");
        foreach (var v in Values)
        {
            o.Write($"<tr><td><code>{E(v.Path)}</code></td><td><code>{E(v.Value)}</code></td><td>{E(v.Clause is null ? T("Adopter") : v.Clause + " " + v.ClauseTitle)}</td></tr>\n");
        }

        o.Write($"</table>\n<h2>{E(T("Pending"))}</h2>\n<ul>\n{string.Concat(Policy.PendingDecisions.Select(e => $"<li><code>{E(e.JsonPath)}</code> {E(e.Clause ?? string.Empty)}: {E(e.Message)}</li>\n"))}</ul>\n");
        o.Write($"<h2>{E(T("Waivers"))}</h2>\n<ul>\n{string.Concat(declared.Waivers.Select(w => $"<li>{E(w.Rule)} <code>{E(w.Path ?? w.Symbol ?? "*")}</code>: {E(w.Justification ?? string.Empty)} ({E(w.Approver ?? string.Empty)}, {E(w.Expires ?? string.Empty)})</li>\n"))}</ul>\n");
        o.Write($"<h2>{E(T("Acceptance"))}</h2>\n<p>{E(T("AcceptanceText"))}</p>\n</body>\n</html>\n");
    }

    // Leaves of the canonical JSON, paths as policykit.json writes them; arrays of scalars stay one value.
    private static void Flatten(JsonElement element, string path, List<SpecValue> values, PolicySet policy, ControlCatalog catalog, bool japanese)
    {
        // The canonical form writes a value that carries its clause as { "value", "source", "profile" }.
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("value", out var carried) && element.TryGetProperty("source", out var cited) && cited.ValueKind == JsonValueKind.String)
        {
            var id = cited.GetString()!;
            values.Add(new SpecValue(path, carried.GetRawText(), id, catalog.Find(id)?.Title.Get(japanese) ?? string.Empty));
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (path.Length == 0 && property.Name is "schemaVersion" or "name" or "version" or "profiles" or "decisions" or "waivers")
                {
                    continue;
                }

                Flatten(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, values, policy, catalog, japanese);
            }

            return;
        }

        var source = policy.SourceOf(path);
        var clause = source.IsAdopter ? null : source.ClauseId;
        var title = clause is null ? string.Empty : catalog.Find(clause)?.Title.Get(japanese) ?? string.Empty;
        values.Add(new SpecValue(path, element.GetRawText(), clause, title));
    }
}
