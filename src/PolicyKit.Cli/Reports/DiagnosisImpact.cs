using System;
using System.Collections.Generic;

namespace PolicyKit.Cli.Reports;

/// <summary>影響 (impact) of each rule's findings, in Japanese and English, for the 診断報告書 view.</summary>
internal static class DiagnosisImpact
{
    private static readonly Dictionary<string, (string Ja, string En)> Table = new(StringComparer.Ordinal)
    {
        ["PK1001"] = ("データベースの情報の漏えい・改ざん・削除、認証の回避。", "Disclosure, tampering or deletion of database contents; authentication bypass."),
        ["PK1002"] = ("利用者のブラウザで任意のスクリプトが実行され、Cookie の窃取や偽の画面表示が起こり得る。", "Arbitrary script runs in users' browsers: cookie theft, forged pages."),
        ["PK1003"] = ("サーバ上で任意の OS コマンドが実行され、情報漏えいやサーバの乗っ取りにつながる。", "Arbitrary OS commands run on the server: disclosure or takeover."),
        ["PK1004"] = ("公開を想定しないファイルの閲覧・改ざん・削除。", "Reading, altering or deleting files not meant to be served."),
        ["PK1005"] = ("正規サイトを経由した偽サイトへの誘導 (フィッシング)。", "Users are sent to a fake site through the genuine one (phishing)."),
        ["PK1006"] = ("レスポンスやメールのヘッダの改ざん、偽のメール送信。", "Forged response or mail headers; spam or fake mail."),
        ["PK1007"] = ("細工されたデータによる任意のコード実行。", "Arbitrary code execution through crafted data."),
        ["PK1008"] = ("サーバ上のファイルの読み出しや内部ネットワークへのアクセス。", "Server files read, internal network reached."),
        ["PK1009"] = ("他の利用者のデータの閲覧・変更 (なりすましアクセス)。", "Other users' data read or changed."),
        ["PK2001"] = ("ソースや成果物から認証情報が漏れ、システムに不正にログインされる。", "Credentials leak with the code and let anyone log in."),
        ["PK2002"] = ("鍵が漏れ、暗号化や署名が無効になる。", "The key leaks; encryption and signatures become worthless."),
        ["PK3001"] = ("認証に失敗しても処理が続き、認証が回避される。", "Processing continues after a failed sign-in: authentication bypass."),
        ["PK3002"] = ("認証なしで機能や情報にアクセスされる。", "Functions or data reachable without authentication."),
        ["PK3003"] = ("推測・総当たりによるパスワードの突破が容易になる。", "Passwords are easier to guess or brute-force."),
        ["PK3004"] = ("セッション Cookie の盗聴・窃取、セッションの長期悪用。", "Session cookies intercepted or stolen, sessions abused for long."),
        ["PK3005"] = ("エラー詳細から内部構造が漏れ、攻撃の手がかりになる。", "Error details reveal internals that help attackers."),
        ["PK3006"] = ("利用者の意図しない操作 (登録・変更・削除) を実行させられる。", "Users are made to perform operations they did not intend."),
        ["PK3007"] = ("透明な枠に重ねた画面で利用者に意図しない操作をさせられる。", "Users are tricked into clicks on a framed page."),
        ["PK4001"] = ("パスワードや改ざん検知の値が解読・偽造される。", "Hashed passwords cracked, integrity values forged."),
        ["PK4002"] = ("暗号化したデータが解読される。", "Encrypted data can be decrypted."),
        ["PK4003"] = ("トークンやセッション ID が推測される。", "Tokens or session IDs can be predicted."),
        ["PK4004"] = ("通信相手のなりすまし・盗聴 (中間者攻撃)。", "Man-in-the-middle: impersonation and eavesdropping."),
        ["PK4005"] = ("通信内容の盗聴・改ざん。", "Traffic read or altered in transit."),
        ["PK5001"] = ("ログから個人情報や秘密情報が漏れる。", "Personal or secret data leaks through logs."),
        ["PK5002"] = ("個人データが必要以上に保持され、漏えい時の被害が拡大する。", "Personal data kept longer than needed; larger breach impact."),
        ["PK9003"] = ("このルールは解析予算に達したため、指摘漏れがあり得る。", "The rule stopped at its budget: findings may be missing."),
    };

    /// <summary>The impact text of a rule.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="japanese">Whether Japanese is wanted.</param>
    /// <returns>The text, or a dash for rules without one.</returns>
    public static string For(string ruleId, bool japanese) =>
        Table.TryGetValue(ruleId, out var text) ? (japanese ? text.Ja : text.En) : "—";
}
