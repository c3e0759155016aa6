using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// Every label of the reports, in English and Japanese (two string tables, one key each). Rule titles and messages
/// are not here: they come localised from the analyzers' own resources.
/// </summary>
internal sealed class ReportText
{
    private static readonly Dictionary<string, (string En, string Ja)> Table = new()
    {
        ["Title"] = ("Acceptance review", "受入れレビュー"),
        ["Summary"] = ("Summary", "概要"),
        ["Header"] = ("Review details", "レビューの詳細"),
        ["Policy"] = ("Policy", "ポリシー"),
        ["PolicyVersion"] = ("Policy version", "ポリシーのバージョン"),
        ["PolicyHash"] = ("Policy hash (SHA-256)", "ポリシーのハッシュ (SHA-256)"),
        ["PolicyOrigin"] = ("Policy source", "ポリシーの出典"),
        ["Profiles"] = ("Profiles", "プロファイル"),
        ["Tool"] = ("Tool", "ツール"),
        ["RulesVersion"] = ("Rules version", "ルールのバージョン"),
        ["Input"] = ("Reviewed delivery", "レビュー対象の納品物"),
        ["InputHash"] = ("Delivery hash (SHA-256 of sorted paths and contents)", "納品物のハッシュ (パスと内容の SHA-256)"),
        ["InputFiles"] = ("Files in the delivery", "納品物のファイル数"),
        ["ReferencePacks"] = ("Compiled against", "コンパイルに用いた参照アセンブリ"),
        ["Date"] = ("Date (UTC)", "日時 (UTC)"),
        ["Gate"] = ("Gate", "判定"),
        ["GatePassed"] = ("PASSED", "合格"),
        ["GateFailed"] = ("FAILED", "不合格"),
        ["GateDetail"] = ("{0} finding(s) without a waiver at or above \"{1}\"", "「{1}」以上で例外承認のない指摘 {0} 件"),
        ["FindingsTotal"] = ("Findings", "指摘"),
        ["FindingsOpen"] = ("open", "未対応"),
        ["FindingsWaived"] = ("waived", "例外承認済み"),
        ["ControlsHeading"] = ("Controls", "管理策"),
        ["Control"] = ("Control", "管理策"),
        ["ControlTitle"] = ("Requirement", "要求事項"),
        ["Status"] = ("Status", "状態"),
        ["Evidence"] = ("Evidence", "根拠"),
        ["Rules"] = ("Rules", "ルール"),
        ["Pass"] = ("pass", "合格"),
        ["PassConfirm"] = ("pass, confirm by hand", "合格（目視で確認）"),
        ["Fail"] = ("fail", "不合格"),
        ["Waived"] = ("waived", "例外承認"),
        ["NotCheckable"] = ("not checkable from source", "ソースからは確認不可"),
        ["GroupMicSql"] = ("MIC: the five SQL injection measures (MIC-38 to MIC-42)", "総務省: SQLインジェクション対策の5項目 (MIC-38〜MIC-42)"),
        ["GroupOtherMic"] = ("MIC: other measures for information managers", "総務省: 情報管理担当者のその他の対策"),
        ["FindingsHeading"] = ("Findings", "指摘事項"),
        ["NoFindings"] = ("No findings.", "指摘はありません。"),
        ["Rule"] = ("Rule", "ルール"),
        ["Level"] = ("Level", "重大度"),
        ["Location"] = ("Location", "場所"),
        ["Project"] = ("Project", "プロジェクト"),
        ["Fix"] = ("How to fix", "修正方法"),
        ["RuleDoc"] = ("Rule documentation", "ルールの説明"),
        ["WaivedBy"] = ("Waived", "例外承認"),
        ["Justification"] = ("Justification", "理由"),
        ["Approver"] = ("Approver", "承認者"),
        ["Expires"] = ("Expires", "有効期限"),
        ["Scope"] = ("Scope", "範囲"),
        ["WaiversHeading"] = ("Applied waivers", "適用された例外承認"),
        ["NoWaivers"] = ("No waiver was applied.", "適用された例外承認はありません。"),
        ["NotCheckedHeading"] = ("Not checked in this delivery", "このレビューで確認していないもの"),
        ["NothingSkipped"] = ("Every C# file was analysed.", "すべての C# ファイルを解析しました。"),
        ["CannotSeeHeading"] = ("What a source review cannot see", "ソースレビューでは確認できないこと"),
        ["ResolutionHeading"] = ("How much of the code could be resolved", "コードの解決状況"),
        ["ResolutionNote"] = ("Packages are never restored: the assemblies of the NuGet packages the projects declare are read as metadata only (from the NuGet global packages folder or PolicyKit's cache, nothing run); types from packages that could not be resolved stay unresolved, and rules that need them may miss findings there.", "パッケージは復元しません。プロジェクトが宣言する NuGet パッケージのアセンブリはメタデータとしてのみ読み取ります (NuGet グローバルパッケージフォルダーまたは PolicyKit のキャッシュから。何も実行しない)。解決できないパッケージの型は未解決のままとなり、その部分では指摘を見落とす可能性があります。"),
        ["Files"] = ("Files", "ファイル"),
        ["Lines"] = ("Lines", "行"),
        ["Framework"] = ("Target framework", "ターゲットフレームワーク"),
        ["Unresolved"] = ("Unresolved (CS0246 / CS0234 / CS1061 / CS0103)", "未解決 (CS0246 / CS0234 / CS1061 / CS0103)"),
        ["OtherErrors"] = ("Other errors", "その他のエラー"),
        ["FilesUnresolved"] = ("Files with unresolved symbols", "未解決シンボルを含むファイル"),
        ["Packages"] = ("Packages not resolved", "解決できないパッケージ"),
        ["DeliveryAssemblies"] = ("Assemblies from the delivery used as references (metadata only): {0}", "参照として用いた納品物内のアセンブリ（メタデータのみ）: {0}"),
        ["PendingDecisions"] = ("Undecided in the policy (the baseline applies)", "ポリシーで未決定の値（基準値を適用）"),
        ["BaselineHeading"] = ("Compared with the previous delivery", "前回納品物との比較"),
        ["New"] = ("new", "新規"),
        ["Unchanged"] = ("unchanged", "継続"),
        ["Fixed"] = ("fixed", "解消"),
        ["Counts"] = ("{0} pass, {1} fail, {2} waived, {3} not checkable from source", "合格 {0}、不合格 {1}、例外承認 {2}、ソースからは確認不可 {3}"),
        ["CannotSee.Waf"] = ("Web application firewall (WAF) and its rules", "Web アプリケーションファイアウォール (WAF) とその設定"),
        ["CannotSee.Patches"] = ("Server, OS, middleware and runtime patch levels", "サーバ・OS・ミドルウェア・ランタイムのパッチ適用状況"),
        ["CannotSee.Database"] = ("Real database grants and accounts (MIC-40: minimum privileges)", "実際のデータベース権限とアカウント (MIC-40: 最小権限)"),
        ["CannotSee.Network"] = ("Network configuration: firewalls, segmentation, TLS termination", "ネットワーク構成: ファイアウォール、セグメント分割、TLS 終端"),
        ["CannotSee.Runtime"] = ("Runtime configuration outside the delivery (environment variables, secrets stores, server settings)", "納品物外の実行時設定（環境変数、シークレットストア、サーバ設定）"),
        ["CannotSee.Binaries"] = ("Third-party binaries and packages (their code is not analysed)", "サードパーティのバイナリとパッケージ（そのコードは解析しません）"),
        ["CannotSee.Logs"] = ("Whether logs are collected, monitored and analysed in operation (MIC-41)", "運用でログが収集・監視・分析されているか (MIC-41)"),
        ["CannotSee.Inspection"] = ("Periodic vulnerability inspection of the running site (MIC-42)", "稼働中サイトの定期的な脆弱性検査 (MIC-42)"),
        ["Skip.TooLarge"] = ("too large: not analysed", "サイズ超過のため解析せず"),
        ["Skip.Binary"] = ("binary content named .cs: not analysed", ".cs という名前のバイナリ: 解析せず"),
        ["Skip.Unreadable"] = ("cannot be read: not analysed", "読み取り不可: 解析せず"),
        ["Skip.Link"] = ("link out of the delivery or linked directory: not followed", "納品物外へのリンクまたはリンクされたディレクトリ: たどらず"),
        ["Skip.Razor"] = ("Razor views and components (.cshtml, .razor): markup not analysed (no Razor source generator in the installed SDK, the generator failed, or the file is outside a project)", "Razor ビューとコンポーネント (.cshtml, .razor): マークアップは未解析 (インストール済み SDK に Razor ソースジェネレーターがない、生成に失敗した、またはプロジェクト外のファイル)"),
        ["Skip.BadProject"] = ("project file not readable: its sources are reviewed as loose files only", "プロジェクトファイルが読めない: ソースは単独ファイルとしてのみレビュー"),
        ["Skip.Encoding"] = ("not UTF-8: read with a fallback encoding (analysed)", "UTF-8 ではない: 代替エンコーディングで読み取り（解析済み）"),
        ["Skip.Unresolved"] = ("reference not resolved: code using it is analysed with unresolved types", "参照を解決できない: それを使うコードは未解決の型のまま解析"),
        ["Skip.OutsideRoot"] = ("path outside the delivery: refused", "納品物の外を指すパス: 拒否"),
        ["Skip.PackageUnresolved"] = ("NuGet package not resolved: code using it is analysed with unresolved types", "NuGet パッケージを解決できない: それを使うコードは未解決の型のまま解析"),
        ["PackagesResolved"] = ("NuGet packages compiled against (metadata only, nothing restored or run): {0}", "コンパイルに用いた NuGet パッケージ (メタデータのみ。復元・実行はしない): {0}"),
        ["AnalyzerFailure"] = ("analyzer failure (rule not checked on this project)", "アナライザの失敗（このプロジェクトではルール未確認）"),
        ["NoProjectFiles"] = ("files outside projects", "プロジェクト外のファイル"),
    };

    private ReportText(bool japanese, CultureInfo culture)
    {
        Japanese = japanese;
        Culture = culture;
    }

    /// <summary>Whether the labels are Japanese.</summary>
    public bool Japanese { get; }

    /// <summary>The culture of the report.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The language code (<c>en</c> or <c>ja</c>).</summary>
    public string Language => Japanese ? "ja" : "en";

    /// <summary>The labels for a culture: Japanese for <c>ja</c>, English otherwise.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The labels.</returns>
    public static ReportText For(CultureInfo culture) =>
        new(culture.TwoLetterISOLanguageName == "ja", culture);

    /// <summary>Every key (for the completeness test).</summary>
    public static IEnumerable<string> Keys => Table.Keys;

    /// <summary>A label.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text.</returns>
    public string this[string key] => Table.TryGetValue(key, out var text) ? (Japanese ? text.Ja : text.En) : key;

    /// <summary>A label with arguments.</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>The label of a control outcome.</summary>
    /// <param name="control">The control.</param>
    /// <returns>The text.</returns>
    public string Outcome(ControlResult control) => control.Outcome switch
    {
        ControlOutcome.Pass => control.ConfirmByHand ? this["PassConfirm"] : this["Pass"],
        ControlOutcome.Fail => this["Fail"],
        ControlOutcome.Waived => this["Waived"],
        _ => this["NotCheckable"],
    };
}
