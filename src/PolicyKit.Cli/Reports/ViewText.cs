using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// The labels of the checklist view, the 診断報告書 view, the coverage statement, the review plan and the security
/// specification, in Japanese and English (one key each; Japanese is the primary language of these documents).
/// </summary>
internal sealed class ViewText
{
    private static readonly Dictionary<string, (string Ja, string En)> Table = new()
    {
        ["Coverage"] = ("解析範囲", "Analysis coverage"),
        ["CoverageComplete"] = ("解析完了: 全ての閾値を満たしています。", "Analysis complete: every threshold is met."),
        ["CoverageIncomplete"] = ("解析不完全: このレビューの結果は合格を意味しません。", "Analysis incomplete: this review does not imply a pass."),
        ["FilesParsed"] = ("解析したファイル", "Files parsed"),
        ["ProjectsCompiled"] = ("コンパイルしたプロジェクト", "Projects compiled"),
        ["BoundInvocations"] = ("シンボルに解決できた呼び出し", "Invocations bound to symbols"),
        ["Endpoints"] = ("検出したエンドポイント", "Endpoints found"),
        ["EndpointsDetail"] = ("コントローラのアクション {0}、Razor Pages のハンドラ {1}、最小 API・ハブ・コンポーネント {2}", "controller actions {0}, page handlers {1}, minimal APIs, hubs and components {2}"),
        ["BudgetHits"] = ("解析予算に達したルール (PK9003)", "Rules that reached their analysis budget (PK9003)"),
        ["Threshold"] = ("閾値: 呼び出しの解決率 90% 以上、全プロジェクトをコンパイル、全 C# ファイルを解析、解析予算到達なし、宣言された NuGet パッケージをすべて解決 (docs/review-coverage.md)", "Thresholds: at least 90% of invocations bound, every project compiled, every C# file parsed, no analysis budget reached, every declared NuGet package resolved (docs/review-coverage.md)"),
        ["Reason.InvocationsUnbound"] = ("シンボルに解決できた呼び出しが 90% 未満", "fewer than 90% of invocations bound to symbols"),
        ["Reason.ProjectNotCompiled"] = ("コンパイル・解析できなかったプロジェクトがある", "a project was not compiled or analysed"),
        ["Reason.FilesNotParsed"] = ("解析できなかった C# ファイルがある", "a C# file was not parsed"),
        ["Reason.BudgetReached"] = ("解析予算に達したルールがある", "a rule reached its analysis budget"),
        ["Reason.PackagesUnresolved"] = ("解決できない NuGet パッケージがある", "a NuGet package was not resolved"),
        ["None"] = ("なし", "none"),
        ["ChecklistTitle"] = ("セキュリティ実装 チェックリスト (IPA「安全なウェブサイトの作り方」改訂第7版)", "Security implementation checklist (IPA How to Secure Your Web Site, 7th revised edition)"),
        ["ChecklistNote"] = ("各項目の状態はソースコードレビューの結果です。※ の付いた項目は、いずれか一つを満たせば足ります。項目の番号・文言・対策の性質・※ は公開されている転記と照合済みですが、IPA の PDF・Excel そのものとは照合していません (docs/ipa-websecurity-7.md)。", "Each status is the result of a source-code review. Items marked ※ are alternatives: any one suffices. Item numbers, wording, measures and ※ groups were checked against public transcriptions, not against IPA's PDF or Excel itself (docs/ipa-websecurity-7.md)."),
        ["Item"] = ("項目", "Item"),
        ["Measure"] = ("対策の性質", "Kind"),
        ["Fundamental"] = ("根本的解決", "fundamental"),
        ["Mitigation"] = ("保険的対策", "mitigation"),
        ["Check"] = ("確認方法", "Check"),
        ["Check.Automatic"] = ("自動", "automatic"),
        ["Check.Partial"] = ("部分 (要確認)", "partial (confirm)"),
        ["Check.Manual"] = ("目視", "manual"),
        ["Check.NotApplicable"] = ("該当なし", "not applicable"),
        ["Status"] = ("状態", "Status"),
        ["Status.Done"] = ("対応済", "done"),
        ["Status.NotDone"] = ("未対応", "not done"),
        ["Status.NotNeeded"] = ("対応不要", "not needed"),
        ["Status.ReviewByHand"] = ("要目視", "review by hand"),
        ["Findings"] = ("指摘", "Findings"),
        ["Rules"] = ("ルール", "Rules"),
        ["Evidence"] = ("根拠・備考", "Evidence and notes"),
        ["Why.Findings"] = ("未対応の指摘 {0} 件", "{0} open finding(s)"),
        ["Why.Waived"] = ("例外承認済みの指摘 {0} 件 (承認者 {1}、期限 {2})", "{0} waived finding(s) (approver {1}, expires {2})"),
        ["Why.Clean"] = ("ルール {0} の指摘なし", "no finding of {0}"),
        ["Why.Incomplete"] = ("ルール {0} の指摘はないが解析不完全のため確認が必要", "no finding of {0}, but the analysis is incomplete"),
        ["Why.Partial"] = ("ルール {0} の指摘なし。残りは目視で確認", "no finding of {0}; a person confirms the rest"),
        ["Why.Manual"] = ("ソースコードからは判定できない", "not decidable from source code"),
        ["Why.RuleMissing"] = ("ルール {0} がこのビルドにない", "rule {0} is not in this build"),
        ["Why.GroupDone"] = ("※ {0} で対応済のため", "※ done by {0}"),
        ["Summary"] = ("集計", "Summary"),
        ["SiteCheck"] = ("「安全なウェブサイトの運用管理に向けての20ヶ条」のうちソースで確認できる条 (条名は要約)", "Source-checkable articles of IPA's 20 articles for secure web-site operation (titles paraphrased)"),
        ["Category.1"] = ("1 SQLインジェクション", "1 SQL injection"),
        ["Category.2"] = ("2 OSコマンド・インジェクション", "2 OS command injection"),
        ["Category.3"] = ("3 パス名パラメータの未チェック／ディレクトリ・トラバーサル", "3 Unchecked path parameters / directory traversal"),
        ["Category.4"] = ("4 セッション管理の不備", "4 Improper session management"),
        ["Category.5"] = ("5 クロスサイト・スクリプティング", "5 Cross-site scripting"),
        ["Category.6"] = ("6 CSRF（クロスサイト・リクエスト・フォージェリ）", "6 CSRF (cross-site request forgery)"),
        ["Category.7"] = ("7 HTTPヘッダ・インジェクション", "7 HTTP header injection"),
        ["Category.8"] = ("8 メールヘッダ・インジェクション", "8 Mail header injection"),
        ["Category.9"] = ("9 クリックジャッキング", "9 Clickjacking"),
        ["Category.10"] = ("10 バッファオーバーフロー", "10 Buffer overflow"),
        ["Category.11"] = ("11 アクセス制御や認可制御の欠落", "11 Missing access control or authorization"),
        ["DiagnosisTitle"] = ("脆弱性診断報告書 (ソースコード診断)", "Vulnerability assessment report (source code review)"),
        ["Grade"] = ("総合評価", "Overall grade"),
        ["GradeRule"] = ("評価基準", "Grading rule"),
        ["Grade.A"] = ("A: 解析完了、指摘なし", "A: analysis complete, no findings"),
        ["Grade.B"] = ("B: 解析完了、低・情報レベルまたは要確認の指摘のみ", "B: analysis complete; only low or informational findings, or findings to confirm"),
        ["Grade.C"] = ("C: 中レベルの確定指摘あり、または解析不完全 (解析不完全の場合 C より良い評価にはしない)", "C: a confirmed medium finding, or the analysis is incomplete (an incomplete analysis is never graded better than C)"),
        ["Grade.D"] = ("D: 高レベルの確定指摘あり", "D: a confirmed high finding"),
        ["Grade.E"] = ("E: 緊急レベルの確定指摘あり", "E: a confirmed critical finding"),
        ["GradeNote"] = ("例外承認済みの指摘は評価に含めない。", "Waived findings do not count."),
        ["SeverityCriteria"] = ("深刻度の基準 (SARIF security-severity と同じ尺度)", "Severity criteria (the scale of SARIF security-severity)"),
        ["Severity"] = ("深刻度", "Severity"),
        ["Score"] = ("スコア", "Score"),
        ["Criterion"] = ("基準", "Criterion"),
        ["Count"] = ("件数", "Count"),
        ["Sev.Critical"] = ("緊急", "Critical"),
        ["Sev.High"] = ("高", "High"),
        ["Sev.Medium"] = ("中", "Medium"),
        ["Sev.Low"] = ("低", "Low"),
        ["Sev.Info"] = ("情報", "Info"),
        ["Crit.Critical"] = ("認証なしで遠隔からデータベースやサーバを操作できる (SQL・OS コマンド・インジェクション等)", "remote control of the database or server without authentication (SQL or OS command injection)"),
        ["Crit.High"] = ("認証回避・情報漏えい・なりすましに直結する", "leads directly to authentication bypass, disclosure or impersonation"),
        ["Crit.Medium"] = ("利用者の操作や他の条件と組み合わさると被害につながる", "leads to harm combined with user action or other conditions"),
        ["Crit.Low"] = ("被害は限定的、または多層防御の不足", "limited harm, or a missing layer of defence"),
        ["Crit.Info"] = ("脆弱性ではないが把握すべき事項 (解析予算到達等)", "not a vulnerability, but to be known (analysis budget reached)"),
        ["Confirmed"] = ("確定", "Confirmed"),
        ["ToConfirm"] = ("要確認", "To confirm"),
        ["ConfirmedNote"] = ("確定: ルールが条件を全て確認した指摘。要確認: 情報レベルの指摘、人による判断を前提とするルール (PK1009, PK9003) の指摘。", "Confirmed: the rule established every condition. To confirm: informational findings and findings of rules that expect a person's judgement (PK1009, PK9003)."),
        ["FixGroups"] = ("修正グループ", "Fix groups"),
        ["FixGroupsNote"] = ("一箇所の修正で複数の指摘が解消する単位 (同じルールの同じシンク、または同じ設定ブロック)。", "One fix point that resolves several findings (the same rule at the same sink, or the same configuration block)."),
        ["FixPoint"] = ("修正箇所", "Fix point"),
        ["Resolves"] = ("解消する指摘", "Resolves"),
        ["Location"] = ("該当箇所", "Location"),
        ["CodePath"] = ("コードパス", "Code path"),
        ["Source"] = ("入力元", "source"),
        ["Sink"] = ("到達点", "sink"),
        ["Impact"] = ("影響", "Impact"),
        ["Fix"] = ("対策", "Remediation"),
        ["References"] = ("参考", "References"),
        ["Waivers"] = ("例外承認", "Waivers"),
        ["NoWaivers"] = ("例外承認はありません。", "No waivers."),
        ["Rediagnosis"] = ("再診断 (前回納品との比較)", "Re-assessment (against the previous delivery)"),
        ["NoRediagnosis"] = ("前回の結果 (--baseline) が指定されていないため比較していません。", "No previous result (--baseline) was given."),
        ["New"] = ("新規", "new"),
        ["Unchanged"] = ("継続", "unchanged"),
        ["Fixed"] = ("解消", "fixed"),
        ["NoFindings"] = ("指摘はありません。", "No findings."),
        ["Policy"] = ("ポリシー", "Policy"),
        ["PolicyHash"] = ("ポリシーのハッシュ (SHA-256)", "Policy hash (SHA-256)"),
        ["Target"] = ("診断対象", "Target"),
        ["InputHash"] = ("納品物のハッシュ", "Delivery hash"),
        ["Tool"] = ("ツールとルールのバージョン", "Tool and rules version"),
        ["Date"] = ("診断日 (UTC)", "Date (UTC)"),
        ["Profiles"] = ("プロファイル", "Profiles"),
        ["Method"] = ("診断方法", "Method"),
        ["MethodText"] = ("ソースコード診断 (静的解析、構築時)。動的診断 (プラットフォーム診断・Web アプリケーション診断) は含まない。", "Source code review (static analysis, at build time). Dynamic testing (platform and web-application assessment) is not included."),
    };

    private ViewText(bool japanese) => Japanese = japanese;

    /// <summary>Whether the labels are Japanese.</summary>
    public bool Japanese { get; }

    /// <summary>The language code.</summary>
    public string Language => Japanese ? "ja" : "en";

    /// <summary>Every key (for the completeness test).</summary>
    public static IEnumerable<string> Keys => Table.Keys;

    /// <summary>The labels for a language code: Japanese for <c>ja</c>, English otherwise.</summary>
    /// <param name="language">The language code.</param>
    /// <returns>The labels.</returns>
    public static ViewText For(string language) => new(language == "ja");

    /// <summary>A label.</summary>
    /// <param name="key">The key.</param>
    public string this[string key] => Table.TryGetValue(key, out var text) ? (Japanese ? text.Ja : text.En) : key;

    /// <summary>A label with arguments.</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
