using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using PolicyKit.Cli.Reports;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Commands;

/// <summary>
/// <c>policykit review --plan</c>: the review plan (診断実施計画書) written before the review: scope, method, tool and
/// rule versions, the rules to run, profile and policy hash, date. Reads the delivery and the policy; compiles nothing.
/// </summary>
internal static class ReviewPlanCommand
{
    /// <summary>Writes <c>policykit-plan.md</c> in the output folder.</summary>
    /// <param name="options">The review options.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The exit code.</returns>
    public static int Write(ReviewOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var delivery = DeliveryLoader.Load(options.Target, ReferencePacks.Find(), cancellationToken);
            var policy = PolicyInput.Resolve(options.PolicyPath, options.Profiles, delivery.Root);
            var analyzers = AnalyzerSet.Load();
            var inputHash = InputHash.Compute(delivery.Files, cancellationToken);
            var ja = options.Culture.TwoLetterISOLanguageName == "ja";
            string T(string jaText, string enText) => ja ? jaText : enText;
            var declared = policy.Load.Declared ?? policy.Load.Policy!;
            Directory.CreateDirectory(options.OutputDirectory);
            var path = Path.Combine(options.OutputDirectory, "policykit-plan.md");
            SpecCommand.Write(path, o =>
            {
                o.Write($"# {T("診断実施計画書 (ソースコード診断)", "Review plan (source code review)")}\n\n| | |\n|---|---|\n");
                o.Write($"| {T("作成日 (UTC)", "Date (UTC)")} | {DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |\n");
                o.Write($"| {T("診断対象", "Scope")} | {ViewMarkup.Cell(delivery.Target)} ({T("ファイル", "files")} {delivery.Files.Count}, {T("プロジェクト", "projects")} {delivery.Projects.Length}) |\n");
                o.Write($"| {T("納品物のハッシュ", "Delivery hash")} | `{inputHash}` |\n");
                o.Write($"| {T("診断方法", "Method")} | {T("ソースコード診断 (静的解析)。パッケージの復元・ビルドスクリプトの実行はしない。動的診断は含まない。", "Static source review; no package restore, no build scripts run; no dynamic testing.")} |\n");
                o.Write($"| {T("ツール", "Tool")} | policykit {ReportBuilder.ToolVersion()} |\n| {T("ルールのバージョン", "Rules version")} | {analyzers.Version} |\n");
                o.Write($"| {T("ポリシー", "Policy")} | {ViewMarkup.Cell(declared.Name ?? policy.Origin)} |\n| {T("プロファイル", "Profiles")} | {(declared.Profiles.Count == 0 ? "—" : string.Join(", ", declared.Profiles))} |\n");
                o.Write($"| {T("ポリシーのハッシュ (SHA-256)", "Policy hash (SHA-256)")} | `{policy.Load.Hash}` |\n");
                o.Write($"| {T("報告書", "Reports")} | {string.Join(", ", options.Views.Select(v => v.ToString().ToLowerInvariant()))} ({string.Join(", ", options.Formats.Select(f => f.ToString().ToLowerInvariant()))}) |\n\n");
                o.Write($"## {T("プロジェクト", "Projects")}\n\n");
                foreach (var project in delivery.Projects)
                {
                    o.Write($"- `{ViewMarkup.Cell(project.RelativePath)}` ({project.TargetFramework}, {project.Sources.Length} C#)\n");
                }

                o.Write($"\n## {T("実施するルール", "Rules to run")}\n\n");
                foreach (var rule in analyzers.Rules.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
                {
                    o.Write($"- {rule.Id} {ViewMarkup.Cell(rule.Title.ToString(options.Culture))}\n");
                }

                o.Write($"\n## {T("判定基準", "Criteria")}\n\n{T("総合評価 A–E (docs/diagnosis-report.md)、解析範囲の閾値 (docs/review-coverage.md)。解析不完全の場合は合格としない。", "Overall grade A–E (docs/diagnosis-report.md); coverage thresholds (docs/review-coverage.md). An incomplete analysis is never a pass.")}\n");
            }, output);
            output.WriteLine("policy hash: " + policy.Load.Hash);
            return ExitCodes.Success;
        }
        catch (ReviewInputException e)
        {
            error.WriteLine("policykit review: " + e.Message);
            return ExitCodes.BadInput;
        }
    }
}
