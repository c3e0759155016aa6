using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit;

/// <summary>
/// Every key of policykit.json once, in canonical order: its shape, limits, how it composes, and where it lives in the
/// typed model. Reading, writing, composing and validating are all driven by this table, so a key cannot be known
/// to one of them and unknown to another.
/// </summary>
internal static class PolicySchema
{
    public const int MaxDays = 36500;
    public const int MaxMinutes = 5256000;

    private static readonly string[] ClassNames = { "lower", "upper", "digit", "symbol" };
    private static readonly CharacterClasses[] ClassValues = { CharacterClasses.Lower, CharacterClasses.Upper, CharacterClasses.Digit, CharacterClasses.Symbol };

    static PolicySchema()
    {
        var s = Settings;
        var root = new SectionBuilder<PolicySet, PolicySet>(string.Empty, p => p, (_, x) => x, s);
        root.Text("$schema", Strictness.None, x => x.Schema, (x, v) => x with { Schema = v });
        root.Text("schemaVersion", Strictness.None, x => x.SchemaVersion, (x, v) => x with { SchemaVersion = v }, v => v == PolicyKitInfo.SchemaVersion ? null : "\"" + PolicyKitInfo.SchemaVersion + "\"");
        root.Text("name", Strictness.None, x => x.Name, (x, v) => x with { Name = v });
        root.Text("version", Strictness.None, x => x.Version, (x, v) => x with { Version = v });
        root.Text("timeZoneOffset", Strictness.None, x => x.TimeZoneOffset, (x, v) => x with { TimeZoneOffset = v }, v => TryParseOffset(v, out _) ? null : "an offset such as \"+09:00\" or \"-05:00\" (from -14:00 to +14:00)");
        root.Add("profiles", SettingKind.TextList, Strictness.None, x => x.Profiles.Count == 0 ? null : x.Profiles, (x, v) => x with { Profiles = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        root.Add("decisions", SettingKind.TextMap, Strictness.None, x => x.Decisions.Count == 0 ? null : x.Decisions, (x, v) => x with { Decisions = (IReadOnlyDictionary<string, string>?)v ?? new Dictionary<string, string>() });

        var app = new SectionBuilder<PolicySet, ApplicationProfile>("application", p => p.Application, (p, x) => p with { Application = x }, s);
        app.Bool("internetFacing", Strictness.TrueWins, x => x.InternetFacing, (x, v) => x with { InternetFacing = v });
        app.Bool("handlesPersonalData", Strictness.TrueWins, x => x.HandlesPersonalData, (x, v) => x with { HandlesPersonalData = v });
        app.Bool("handlesMyNumber", Strictness.TrueWins, x => x.HandlesMyNumber, (x, v) => x with { HandlesMyNumber = v });

        var pw = new SectionBuilder<PolicySet, PasswordPolicy>("password", p => p.Password, (p, x) => p with { Password = x }, s);
        pw.Int("minimumLength", Strictness.Higher, 1, 4096, x => x.MinimumLength, (x, v) => x with { MinimumLength = v });
        pw.Int("maximumLength", Strictness.Higher, 1, 1048576, x => x.MaximumLength, (x, v) => x with { MaximumLength = v });
        pw.Add("requiredClasses", SettingKind.ChoiceList, Strictness.Union, x => ClassesToNames(x.RequiredClasses), (x, v) => x with { RequiredClasses = NamesToClasses(v) }).Choices = ClassNames;
        pw.Int("minimumClassCount", Strictness.Higher, 0, 4, x => x.MinimumClassCount, (x, v) => x with { MinimumClassCount = v });
        pw.Bool("forbidCompositionRules", Strictness.TrueWins, x => x.ForbidCompositionRules, (x, v) => x with { ForbidCompositionRules = v });
        pw.Bool("checkBreachedPasswords", Strictness.TrueWins, x => x.CheckBreachedPasswords, (x, v) => x with { CheckBreachedPasswords = v });
        pw.List("bannedPasswords", Strictness.Union, x => x.BannedPasswords, (x, v) => x with { BannedPasswords = v });
        pw.Bool("rejectContextWords", Strictness.TrueWins, x => x.RejectContextWords, (x, v) => x with { RejectContextWords = v });
        pw.Int("maximumAgeDays", Strictness.Lower, 1, MaxDays, x => x.MaximumAgeDays, (x, v) => x with { MaximumAgeDays = v });
        pw.Bool("forbidPeriodicChange", Strictness.TrueWins, x => x.ForbidPeriodicChange, (x, v) => x with { ForbidPeriodicChange = v });
        pw.Int("historyCount", Strictness.Higher, 0, 1000, x => x.HistoryCount, (x, v) => x with { HistoryCount = v });
        pw.Bool("mustChangeInitialPassword", Strictness.TrueWins, x => x.MustChangeInitialPassword, (x, v) => x with { MustChangeInitialPassword = v });
        pw.Bool("mustChangeAfterReset", Strictness.TrueWins, x => x.MustChangeAfterReset, (x, v) => x with { MustChangeAfterReset = v });
        var lockout = new SectionBuilder<PolicySet, LockoutRule>("password.lockout", p => p.Password.Lockout, (p, x) => p with { Password = p.Password with { Lockout = x } }, s);
        lockout.Int("threshold", Strictness.Lower, 1, 1000, x => x.Threshold, (x, v) => x with { Threshold = v });
        lockout.Int("durationMinutes", Strictness.Higher, 1, MaxMinutes, x => x.DurationMinutes, (x, v) => x with { DurationMinutes = v });
        var hashing = new SectionBuilder<PolicySet, PasswordHashingRule>("password.hashing", p => p.Password.Hashing, (p, x) => p with { Password = p.Password with { Hashing = x } }, s);
        hashing.Text("algorithm", Strictness.Same, x => x.Algorithm, (x, v) => x with { Algorithm = v });
        hashing.Int("minimumIterations", Strictness.Higher, 1, int.MaxValue, x => x.MinimumIterations, (x, v) => x with { MinimumIterations = v });

        var ac = new SectionBuilder<PolicySet, AccessControlPolicy>("accessControl", p => p.AccessControl, (p, x) => p with { AccessControl = x }, s);
        ac.Bool("denyByDefault", Strictness.TrueWins, x => x.DenyByDefault, (x, v) => x with { DenyByDefault = v });
        ac.Bool("individualAccountsOnly", Strictness.TrueWins, x => x.IndividualAccountsOnly, (x, v) => x with { IndividualAccountsOnly = v });
        ac.Text("defaultRole", Strictness.Same, x => x.DefaultRole, (x, v) => x with { DefaultRole = v });
        ac.Add("roles", SettingKind.ObjectList, Strictness.Union, x => x.Roles.Count == 0 ? null : x.Roles, (x, v) => x with { Roles = Items<Role>(v) }).Item = RoleItem();
        ac.List("anonymousAllowList", Strictness.Intersection, x => x.AnonymousAllowList, (x, v) => x with { AnonymousAllowList = v });
        ac.Bool("stateChangingRequireAuthorization", Strictness.TrueWins, x => x.StateChangingRequireAuthorization, (x, v) => x with { StateChangingRequireAuthorization = v });

        var enc = new SectionBuilder<PolicySet, EncryptionRequirement>("encryption", p => p.Encryption, (p, x) => p with { Encryption = x }, s);
        enc.List("approvedHashes", Strictness.Intersection, x => x.ApprovedHashes, (x, v) => x with { ApprovedHashes = v }, algorithms: true);
        enc.List("forbiddenHashes", Strictness.Union, x => x.ForbiddenHashes, (x, v) => x with { ForbiddenHashes = v }, algorithms: true);
        enc.Text("minimumHash", Strictness.StrongerHash, x => x.MinimumHash, (x, v) => x with { MinimumHash = v }, v => AlgorithmNames.HashRank(v) >= 0 ? null : "a hash name such as \"SHA-256\"");
        enc.List("approvedCiphers", Strictness.Intersection, x => x.ApprovedCiphers, (x, v) => x with { ApprovedCiphers = v }, algorithms: true);
        enc.List("forbiddenCiphers", Strictness.Union, x => x.ForbiddenCiphers, (x, v) => x with { ForbiddenCiphers = v }, algorithms: true);
        enc.List("forbiddenModes", Strictness.Union, x => x.ForbiddenModes, (x, v) => x with { ForbiddenModes = v }, algorithms: true);
        var keys = enc.Add("minimumKeySizes", SettingKind.IntegerMap, Strictness.Higher, x => x.MinimumKeySizes, (x, v) => x with { MinimumKeySizes = (IReadOnlyDictionary<string, int>?)v });
        keys.Minimum = 1;
        keys.Maximum = 65536;
        enc.Choice("minimumTlsVersion", Strictness.Stronger, new[] { "1.0", "1.1", "1.2", "1.3" }, new[] { TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13 }, x => x.MinimumTlsVersion, (x, v) => x with { MinimumTlsVersion = v });
        enc.List("atRest", Strictness.Union, x => x.AtRest, (x, v) => x with { AtRest = v });
        enc.Text("keyStorage", Strictness.Same, x => x.KeyStorage, (x, v) => x with { KeyStorage = v });

        var session = new SectionBuilder<PolicySet, SessionPolicy>("session", p => p.Session, (p, x) => p with { Session = x }, s);
        session.Int("idleTimeoutMinutes", Strictness.Lower, 1, MaxMinutes, x => x.IdleTimeoutMinutes, (x, v) => x with { IdleTimeoutMinutes = v });
        session.Int("absoluteTimeoutMinutes", Strictness.Lower, 1, MaxMinutes, x => x.AbsoluteTimeoutMinutes, (x, v) => x with { AbsoluteTimeoutMinutes = v });
        session.Bool("renewOnLogin", Strictness.TrueWins, x => x.RenewOnLogin, (x, v) => x with { RenewOnLogin = v });
        session.Bool("slidingExpirationAllowed", Strictness.FalseWins, x => x.SlidingExpirationAllowed, (x, v) => x with { SlidingExpirationAllowed = v });
        var cookie = new SectionBuilder<PolicySet, CookieRule>("session.cookie", p => p.Session.Cookie, (p, x) => p with { Session = p.Session with { Cookie = x } }, s);
        cookie.Bool("secure", Strictness.TrueWins, x => x.Secure, (x, v) => x with { Secure = v });
        cookie.Bool("httpOnly", Strictness.TrueWins, x => x.HttpOnly, (x, v) => x with { HttpOnly = v });
        cookie.Choice("sameSite", Strictness.Stronger, new[] { "None", "Lax", "Strict" }, new[] { CookieSameSite.None, CookieSameSite.Lax, CookieSameSite.Strict }, x => x.SameSite, (x, v) => x with { SameSite = v });

        var audit = new SectionBuilder<PolicySet, AuditRequirement>("audit", p => p.Audit, (p, x) => p with { Audit = x }, s);
        audit.List("events", Strictness.Union, x => x.Events, (x, v) => x with { Events = v });
        audit.Bool("centralStorage", Strictness.TrueWins, x => x.CentralStorage, (x, v) => x with { CentralStorage = v });
        audit.Bool("tamperProtection", Strictness.TrueWins, x => x.TamperProtection, (x, v) => x with { TamperProtection = v });
        audit.Text("clockSource", Strictness.Same, x => x.ClockSource, (x, v) => x with { ClockSource = v });
        audit.Int("logRetentionDays", Strictness.Higher, 1, MaxDays, x => x.LogRetentionDays, (x, v) => x with { LogRetentionDays = v });

        var backup = new SectionBuilder<PolicySet, BackupPolicy>("backup", p => p.Backup, (p, x) => p with { Backup = x }, s);
        backup.Int("frequencyHours", Strictness.Lower, 1, MaxDays * 24, x => x.FrequencyHours, (x, v) => x with { FrequencyHours = v });
        backup.Bool("offsiteCopy", Strictness.TrueWins, x => x.OffsiteCopy, (x, v) => x with { OffsiteCopy = v });
        backup.Bool("encrypted", Strictness.TrueWins, x => x.Encrypted, (x, v) => x with { Encrypted = v });
        backup.Int("restoreDrillIntervalDays", Strictness.Lower, 1, MaxDays, x => x.RestoreDrillIntervalDays, (x, v) => x with { RestoreDrillIntervalDays = v });
        backup.Int("generationsKept", Strictness.Higher, 1, 100000, x => x.GenerationsKept, (x, v) => x with { GenerationsKept = v });

        root.Add("dataClasses", SettingKind.ObjectList, Strictness.Union, x => x.DataClasses.Count == 0 ? null : x.DataClasses, (x, v) => x with { DataClasses = Items<DataClass>(v) }).Item = DataClassItem();
        var retention = new SectionBuilder<PolicySet, RetentionPolicy>("retention", p => p.Retention, (p, x) => p with { Retention = x }, s);
        retention.Add("periods", SettingKind.ObjectList, Strictness.Union, x => x.Periods.Count == 0 ? null : x.Periods, (x, v) => x with { Periods = Items<RetentionPeriod>(v) }).Item = PeriodItem();
        var flow = new SectionBuilder<PolicySet, DataFlowPolicy>("dataFlow", p => p.DataFlow, (p, x) => p with { DataFlow = x }, s);
        flow.Add("sources", SettingKind.ObjectList, Strictness.Union, x => x.Sources.Count == 0 ? null : x.Sources, (x, v) => x with { Sources = Items<DataFlowMethod>(v) }).Item = DataFlowItem(kindsRequired: false);
        flow.Add("sinks", SettingKind.ObjectList, Strictness.Union, x => x.Sinks.Count == 0 ? null : x.Sinks, (x, v) => x with { Sinks = Items<DataFlowMethod>(v) }).Item = DataFlowItem(kindsRequired: true);
        flow.Add("sanitizers", SettingKind.ObjectList, Strictness.Union, x => x.Sanitizers.Count == 0 ? null : x.Sanitizers, (x, v) => x with { Sanitizers = Items<DataFlowMethod>(v) }).Item = DataFlowItem(kindsRequired: true);
        flow.Add("guards", SettingKind.ObjectList, Strictness.Union, x => x.Guards.Count == 0 ? null : x.Guards, (x, v) => x with { Guards = Items<DataFlowMethod>(v) }).Item = DataFlowItem(kindsRequired: true);
        root.Add("waivers", SettingKind.ObjectList, Strictness.Union, x => x.Waivers.Count == 0 ? null : x.Waivers, (x, v) => x with { Waivers = Items<Waiver>(v) }).Item = WaiverItem();
        root.Add("requirements", SettingKind.ObjectList, Strictness.Union, x => x.Requirements.Count == 0 ? null : x.Requirements, (x, v) => x with { Requirements = Items<PolicyRequirement>(v) }).Item = RequirementItem();

        foreach (var setting in Settings)
        {
            ByPath[setting.Path] = setting;
            var parent = setting.Parent;
            while (parent.Length > 0 && !Sections.Contains(parent))
            {
                Sections.Add(parent);
                var dot = parent.LastIndexOf('.');
                parent = dot < 0 ? string.Empty : parent.Substring(0, dot);
            }
        }
    }

    /// <summary>Every setting, in canonical order.</summary>
    public static List<Setting> Settings { get; } = new();

    /// <summary>Settings by path.</summary>
    public static Dictionary<string, Setting> ByPath { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths of objects that group settings (<c>password</c>, <c>password.lockout</c>…).</summary>
    public static HashSet<string> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys directly under a section (root is the empty string), in canonical order.</summary>
    public static List<string> KeysOf(string section)
    {
        var keys = new List<string>();
        foreach (var setting in Settings)
        {
            string? key = null;
            if (setting.Parent == section)
            {
                key = setting.Key;
            }
            else if (section.Length == 0 ? setting.Parent.Length > 0 : setting.Parent.StartsWith(section + ".", StringComparison.Ordinal))
            {
                var rest = section.Length == 0 ? setting.Parent : setting.Parent.Substring(section.Length + 1);
                var dot = rest.IndexOf('.');
                key = dot < 0 ? rest : rest.Substring(0, dot);
            }

            if (key is not null && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Whether a requirement path names a setting, a section, or an entry of a map setting.</summary>
    public static bool IsKnownPath(string path)
    {
        if (ByPath.ContainsKey(path) || Sections.Contains(path))
        {
            return true;
        }

        var dot = path.LastIndexOf('.');
        return dot > 0 && ByPath.TryGetValue(path.Substring(0, dot), out var map) && map.Kind == SettingKind.IntegerMap;
    }

    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is null || text.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
        {
            return false;
        }

        if (!int.TryParse(text.Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.Substring(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours * 60 + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static IReadOnlyList<T> Items<T>(object? value)
    {
        if (value is IReadOnlyList<T> typed)
        {
            return typed;
        }

        var list = new List<T>();
        if (value is IReadOnlyList<object> items)
        {
            foreach (var item in items)
            {
                if (item is T t)
                {
                    list.Add(t);
                }
            }
        }

        return list;
    }

    private static IReadOnlyList<string>? ClassesToNames(CharacterClasses? classes)
    {
        if (classes is not CharacterClasses value)
        {
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < ClassValues.Length; i++)
        {
            if ((value & ClassValues[i]) != 0)
            {
                names.Add(ClassNames[i]);
            }
        }

        return names;
    }

    private static CharacterClasses? NamesToClasses(object? value)
    {
        if (value is not IReadOnlyList<string> names)
        {
            return null;
        }

        var classes = CharacterClasses.None;
        foreach (var name in names)
        {
            var index = Array.IndexOf(ClassNames, name);
            if (index >= 0)
            {
                classes |= ClassValues[index];
            }
        }

        return classes;
    }

    private static ItemSchema RoleItem()
    {
        var item = new ItemSchema("name", () => new Role(), o => ((Role)o).Source, (o, p) => ((Role)o) with { Source = p });
        var b = new SectionBuilder<Role, Role>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("name", Strictness.Same, x => x.Name.Length == 0 ? null : x.Name, (x, v) => x with { Name = v ?? string.Empty }).Required = true;
        b.Add("permissions", SettingKind.TextList, Strictness.Union, x => x.Permissions, (x, v) => x with { Permissions = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        b.Bool("administrative", Strictness.TrueWins, x => x.Administrative, (x, v) => x with { Administrative = v });
        return item;
    }

    private static ItemSchema DataClassItem()
    {
        var item = new ItemSchema("name", () => new DataClass(), o => ((DataClass)o).Source, (o, p) => ((DataClass)o) with { Source = p });
        var b = new SectionBuilder<DataClass, DataClass>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("name", Strictness.Same, x => x.Name.Length == 0 ? null : x.Name, (x, v) => x with { Name = v ?? string.Empty }).Required = true;
        b.Add("attributes", SettingKind.TextList, Strictness.Union, x => x.Attributes.Count == 0 ? null : x.Attributes, (x, v) => x with { Attributes = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        b.Add("memberNames", SettingKind.TextList, Strictness.Union, x => x.MemberNames.Count == 0 ? null : x.MemberNames, (x, v) => x with { MemberNames = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        b.Add("typeNames", SettingKind.TextList, Strictness.Union, x => x.TypeNames.Count == 0 ? null : x.TypeNames, (x, v) => x with { TypeNames = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        return item;
    }

    private static ItemSchema PeriodItem()
    {
        var item = new ItemSchema("dataClass", () => new RetentionPeriod(), o => ((RetentionPeriod)o).Source, (o, p) => ((RetentionPeriod)o) with { Source = p });
        var b = new SectionBuilder<RetentionPeriod, RetentionPeriod>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("dataClass", Strictness.Same, x => x.DataClass.Length == 0 ? null : x.DataClass, (x, v) => x with { DataClass = v ?? string.Empty }).Required = true;
        b.Int("minimumKeepDays", Strictness.Higher, 0, MaxDays, x => x.MinimumKeepDays, (x, v) => x with { MinimumKeepDays = v });
        b.Int("maximumKeepDays", Strictness.Lower, 0, MaxDays, x => x.MaximumKeepDays, (x, v) => x with { MaximumKeepDays = v });
        b.Bool("legalHold", Strictness.TrueWins, x => x.LegalHold, (x, v) => x with { LegalHold = v });
        b.Choice("deletion", Strictness.Same, new[] { "delete", "anonymise", "archive" }, new[] { DeletionMethod.Delete, DeletionMethod.Anonymise, DeletionMethod.Archive }, x => x.Deletion, (x, v) => x with { Deletion = v });
        return item;
    }

    private static ItemSchema DataFlowItem(bool kindsRequired)
    {
        var item = new ItemSchema(string.Empty, () => new DataFlowMethod(), null, null);
        var b = new SectionBuilder<DataFlowMethod, DataFlowMethod>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("method", Strictness.Same, x => x.Method.Length == 0 ? null : x.Method, (x, v) => x with { Method = v ?? string.Empty }, v => DataFlowMethod.IsWellFormedMethod(v) ? null : "a full method name such as \"Acme.Data.Db.Raw\" (namespace, type, method; \"#ctor\" for a constructor)").Required = true;
        b.Text("parameter", Strictness.Same, x => x.Parameter, (x, v) => x with { Parameter = v }, v => v.Trim().Length > 0 ? null : "a parameter name");
        b.Int("parameterIndex", Strictness.Same, 0, 255, x => x.ParameterIndex, (x, v) => x with { ParameterIndex = v });
        var kinds = b.Add("kinds", SettingKind.ChoiceList, Strictness.Union, x => x.Kinds.Count == 0 ? null : x.Kinds, (x, v) => x with { Kinds = (IReadOnlyList<string>?)v ?? Array.Empty<string>() });
        kinds.Choices = new[] { "sql", "xss", "command", "path", "redirect", "header" };
        kinds.Required = kindsRequired;
        b.Text("note", Strictness.Same, x => x.Note, (x, v) => x with { Note = v });
        return item;
    }

    private static ItemSchema WaiverItem()
    {
        var item = new ItemSchema(string.Empty, () => new Waiver(), null, null);
        var b = new SectionBuilder<Waiver, Waiver>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("rule", Strictness.Same, x => x.Rule.Length == 0 ? null : x.Rule, (x, v) => x with { Rule = v ?? string.Empty }, v => RuleId.IsWellFormed(v) ? null : "a rule id such as \"PK1001\"").Required = true;
        b.Text("path", Strictness.Same, x => x.Path, (x, v) => x with { Path = v });
        b.Text("symbol", Strictness.Same, x => x.Symbol, (x, v) => x with { Symbol = v });
        b.Text("justification", Strictness.Same, x => x.Justification, (x, v) => x with { Justification = v }, v => v.Trim().Length > 0 ? null : "a non-empty justification").Required = true;
        b.Text("approver", Strictness.Same, x => x.Approver, (x, v) => x with { Approver = v }, v => v.Trim().Length > 0 ? null : "the name of the approver").Required = true;
        b.Text("expires", Strictness.Same, x => x.Expires, (x, v) => x with { Expires = v }, v => Waiver.ParseExpiry(v, TimeSpan.Zero) is null ? "a date \"yyyy-MM-dd\" or an ISO 8601 date and time with an offset (\"2027-03-31T18:00:00+09:00\")" : null).Required = true;
        return item;
    }

    private static ItemSchema RequirementItem()
    {
        var item = new ItemSchema(string.Empty, () => new PolicyRequirement(string.Empty, string.Empty), null, null);
        var b = new SectionBuilder<PolicyRequirement, PolicyRequirement>(string.Empty, r => r, (_, r) => r, item.Fields);
        b.Text("path", Strictness.Same, x => x.Path.Length == 0 ? null : x.Path, (x, v) => x with { Path = v ?? string.Empty }, v => IsKnownPath(v) ? null : "the JSON path of a policykit.json setting, such as \"password.minimumLength\"").Required = true;
        b.Text("clause", Strictness.Same, x => x.Clause.Length == 0 ? null : x.Clause, (x, v) => x with { Clause = v ?? string.Empty }).Required = true;
        b.Text("note", Strictness.Same, x => x.Note, (x, v) => x with { Note = v });
        return item;
    }
}
