using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>One endpoint of the delivery as the report shows it.</summary>
/// <param name="Route">The route template(s).</param>
/// <param name="Verbs">The HTTP methods, or <c>*</c>.</param>
/// <param name="Kind"><c>Action</c>, <c>PageHandler</c>, <c>MinimalApi</c>, <c>Hub</c> or <c>Component</c>.</param>
/// <param name="Handler">The handler's name.</param>
/// <param name="Path">The handler's file relative to the delivery root.</param>
/// <param name="Line">The handler's line.</param>
/// <param name="Project">The project.</param>
/// <param name="AuthorizationKind"><c>Anonymous</c>, <c>AllowAnonymous</c> or <c>Authorized</c>.</param>
/// <param name="Authorization">The effective authorization, described.</param>
/// <param name="AntiforgeryKind"><c>NotApplicable</c>, <c>Validated</c>, <c>Ignored</c> or <c>Missing</c>.</param>
/// <param name="Antiforgery">The effective antiforgery, described.</param>
/// <param name="Findings">The ids of the findings inside the handler.</param>
internal sealed record EndpointEntry(
    string Route,
    string Verbs,
    string Kind,
    string Handler,
    string Path,
    int Line,
    string Project,
    string AuthorizationKind,
    string Authorization,
    string AntiforgeryKind,
    string Antiforgery,
    ImmutableArray<string> Findings);

/// <summary>
/// The endpoint inventory section of the reports (issue 11): every endpoint with its route, verbs, handler, effective
/// authorization and antiforgery and the findings inside its handler — a table in Markdown and HTML, and
/// <c>properties["policykit/endpoints"]</c> of the SARIF run.
/// </summary>
internal static class EndpointSection
{
    /// <summary>The SARIF run property holding the inventory.</summary>
    public const string SarifProperty = "policykit/endpoints";

    private static readonly Dictionary<string, (string En, string Ja)> Labels = new()
    {
        ["Heading"] = ("Endpoints", "エンドポイント一覧"),
        ["Note"] = (
            "Every endpoint found in the source, with the authorization and antiforgery that apply to it (attributes, groups, conventions, global filters and the fallback policy). Findings are those inside the handler.",
            "ソースから見つかった全エンドポイントと、それぞれに実際に適用される認可と CSRF 対策 (属性、グループ、規約、グローバルフィルター、フォールバックポリシー)。指摘はハンドラー内のもの。"),
        ["None"] = ("No ASP.NET Core endpoint found.", "ASP.NET Core のエンドポイントは見つかりませんでした。"),
        ["Route"] = ("Route", "ルート"),
        ["Verbs"] = ("Methods", "メソッド"),
        ["Handler"] = ("Handler", "ハンドラー"),
        ["Authorization"] = ("Authorization", "認可"),
        ["Antiforgery"] = ("Antiforgery", "CSRF 対策"),
        ["Findings"] = ("Findings", "指摘"),
        ["Counts"] = ("{0} endpoint(s): {1} anonymous, {2} state-changing without antiforgery", "{0} 件: 匿名 {1} 件、CSRF 対策のない更新系 {2} 件"),
    };

    /// <summary>The report's endpoints, with the findings inside each handler.</summary>
    /// <param name="outcome">The review outcome.</param>
    /// <param name="findings">The report's findings (ids assigned).</param>
    /// <returns>The endpoints, sorted by path and line.</returns>
    public static ImmutableArray<EndpointEntry> Build(ReviewOutcome outcome, List<Finding> findings)
    {
        var root = outcome.Delivery.Root;
        var byPath = findings.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var seen = new HashSet<(string, int, string, string)>();
        var entries = new List<EndpointEntry>();
        foreach (var project in outcome.Projects)
        {
            foreach (var endpoint in project.Endpoints)
            {
                var relative = endpoint.Path.Length > 0 && System.IO.Path.IsPathFullyQualified(endpoint.Path) && endpoint.Path.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    ? DeliveryScanner.Relative(root, endpoint.Path)
                    : endpoint.Path;
                if (!seen.Add((relative, endpoint.Line, endpoint.Handler, endpoint.Route)))
                {
                    continue;
                }

                var inside = byPath.TryGetValue(relative, out var list)
                    ? list.Where(f => f.StartLine >= endpoint.StartLine && f.StartLine <= endpoint.EndLine).Select(f => f.Id).ToImmutableArray()
                    : ImmutableArray<string>.Empty;

                // A page handler renders its page: findings in Pages/X.cshtml belong to the handlers of Pages/X.cshtml.cs.
                if (endpoint.Kind == "PageHandler" && relative.EndsWith(".cshtml.cs", StringComparison.OrdinalIgnoreCase)
                    && byPath.TryGetValue(relative[..^3], out var markup))
                {
                    inside = inside.AddRange(markup.Select(f => f.Id));
                }
                entries.Add(new EndpointEntry(
                    endpoint.Route, endpoint.Verbs, endpoint.Kind, endpoint.Handler, relative, endpoint.Line, project.Plan.RelativePath,
                    endpoint.AuthorizationKind, endpoint.Authorization, endpoint.AntiforgeryKind, endpoint.Antiforgery, inside));
            }
        }

        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ToImmutableArray();
    }

    /// <summary>Writes the Markdown section.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The Markdown output.</param>
    public static void WriteMarkdown(AcceptanceReport report, TextWriter output)
    {
        var japanese = report.Header.Language == "ja";
        output.Write($"\n## {L("Heading", japanese)}\n\n");
        if (report.Endpoints.IsEmpty)
        {
            output.Write(L("None", japanese) + "\n");
            return;
        }

        output.Write($"{L("Note", japanese)} {Counts(report, japanese)}\n\n");
        output.Write($"| {L("Route", japanese)} | {L("Verbs", japanese)} | {L("Handler", japanese)} | {L("Authorization", japanese)} | {L("Antiforgery", japanese)} | {L("Findings", japanese)} |\n|---|---|---|---|---|---|\n");
        foreach (var e in report.Endpoints)
        {
            output.Write($"| `{Cell(e.Route)}` | {Cell(e.Verbs)} | {Cell(e.Handler)} `{Cell(e.Path)}:{e.Line}` | {Cell(e.Authorization)} | {Cell(e.Antiforgery)} | {string.Join(", ", e.Findings)} |\n");
        }
    }

    /// <summary>Writes the HTML section.</summary>
    /// <param name="report">The report.</param>
    /// <param name="o">The HTML output.</param>
    public static void WriteHtml(AcceptanceReport report, TextWriter o)
    {
        var japanese = report.Header.Language == "ja";
        o.Write($"<section id=\"endpoints\"><h2>{E(L("Heading", japanese))} ({report.Endpoints.Length})</h2>\n");
        if (report.Endpoints.IsEmpty)
        {
            o.Write($"<p>{E(L("None", japanese))}</p></section>\n");
            return;
        }

        o.Write($"<p class=\"meta\">{E(L("Note", japanese))} {E(Counts(report, japanese))}</p>\n");
        o.Write($"<table><thead><tr><th>{E(L("Route", japanese))}</th><th>{E(L("Verbs", japanese))}</th><th>{E(L("Handler", japanese))}</th><th>{E(L("Authorization", japanese))}</th><th>{E(L("Antiforgery", japanese))}</th><th>{E(L("Findings", japanese))}</th></tr></thead><tbody>\n");
        foreach (var e in report.Endpoints)
        {
            var css = e.AntiforgeryKind is "Missing" or "Ignored" || e.AuthorizationKind != "Authorized" && e.Findings.Length > 0 ? "fail" : string.Empty;
            o.Write($"<tr class=\"{css}\" data-kind=\"{E(e.Kind)}\" data-authorization=\"{E(e.AuthorizationKind)}\" data-antiforgery=\"{E(e.AntiforgeryKind)}\"><td><code>{E(e.Route)}</code></td><td class=\"id\">{E(e.Verbs)}</td>");
            o.Write($"<td>{E(e.Handler)}<br><code>{E(e.Path)}:{e.Line}</code></td><td>{E(e.Authorization)}</td><td>{E(e.Antiforgery)}</td><td>");
            o.Write(string.Join(" ", e.Findings.Select(id => $"<a href=\"#{id}\">{id}</a>")));
            o.Write("</td></tr>\n");
        }

        o.Write("</tbody></table></section>\n");
    }

    /// <summary>Writes <c>"policykit/endpoints"</c> into the SARIF run's property bag.</summary>
    /// <param name="json">The writer, inside the run's <c>properties</c> object.</param>
    /// <param name="report">The report.</param>
    public static void WriteSarif(Utf8JsonWriter json, AcceptanceReport report)
    {
        json.WriteStartArray(SarifProperty);
        foreach (var e in report.Endpoints)
        {
            json.WriteStartObject();
            json.WriteString("route", e.Route);
            json.WriteString("verbs", e.Verbs);
            json.WriteString("kind", e.Kind);
            json.WriteString("handler", e.Handler);
            json.WriteString("uri", e.Path);
            json.WriteNumber("line", e.Line);
            json.WriteString("project", e.Project);
            json.WriteString("authorization", e.AuthorizationKind);
            json.WriteString("authorizationDetail", e.Authorization);
            json.WriteString("antiforgery", e.AntiforgeryKind);
            json.WriteString("antiforgeryDetail", e.Antiforgery);
            json.WriteStartArray("findings");
            foreach (var id in e.Findings)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Counts(AcceptanceReport report, bool japanese) =>
        string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            L("Counts", japanese),
            report.Endpoints.Length,
            report.Endpoints.Count(e => e.AuthorizationKind != "Authorized"),
            report.Endpoints.Count(e => e.AntiforgeryKind is "Missing" or "Ignored"));

    private static string L(string key, bool japanese) => japanese ? Labels[key].Ja : Labels[key].En;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Cell(string text) =>
        text.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
}
