using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// The Web.config/App.config checks of PK6001–PK6008 over one judged configuration. Thresholds come from the policy
/// (<c>session.*</c>, <c>password.minimumLength</c>); ASP.NET's documented defaults stand in for absent attributes.
/// </summary>
internal sealed class ConfigChecks
{
    // ASP.NET defaults (System.Web configuration schema): sessionState timeout 20, forms timeout 30 and sliding on,
    // membership minRequiredPasswordLength 7.
    private const int SessionTimeoutDefault = 20;
    private const int FormsTimeoutDefault = 30;
    private const int MembershipLengthDefault = 7;

    private static readonly string[] SensitivePathWords =
    {
        "admin", "administrator", "administration", "manage", "management", "secure", "private", "internal", "members",
        "member", "dashboard", "backoffice", "staff", "operator", "elmah.axd", "trace.axd",
    };

    private readonly PolicySet _policy;
    private readonly List<ConfigFinding> _findings;

    private ConfigChecks(PolicySet policy, List<ConfigFinding> findings)
    {
        _policy = policy;
        _findings = findings;
    }

    /// <summary>Runs every check over <paramref name="root"/> (a <c>configuration</c> element).</summary>
    public static void Run(ConfigNode root, PolicySet policy, List<ConfigFinding> findings)
    {
        if (!string.Equals(root.Name, "configuration", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var checks = new ConfigChecks(policy, findings);
        if (root.Child("system.web") is { } web)
        {
            checks.SystemWeb(web, isRoot: true);
        }

        if (root.Child("system.webServer") is { } server)
        {
            checks.WebServer(server, locationPath: null);
        }

        foreach (var location in root.Children)
        {
            if (!string.Equals(location.Name, "location", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = location.Value("path");
            if (location.Child("system.web") is { } locationWeb)
            {
                checks.SystemWeb(locationWeb, isRoot: false);
                checks.Authorization(locationWeb.Child("authorization"), path);
            }

            if (location.Child("system.webServer") is { } locationServer)
            {
                checks.WebServer(locationServer, path);
            }
        }

        checks.ConnectionStrings(root.Child("connectionStrings"));
        checks.AppSettings(root.Child("appSettings"));
    }

    private SessionPolicy Session => _policy.Session;

    private void SystemWeb(ConfigNode web, bool isRoot)
    {
        ErrorDetails(web);
        Cookies(web, isRoot);
        SessionState(web.Child("sessionState"));
        Forms(web.Child("authentication"));
        MachineKey(web.Child("machineKey"));
        RequestValidation(web);
        Membership(web.Child("membership"));
    }

    // ---- PK6001: error details -------------------------------------------------------------------------------

    private void ErrorDetails(ConfigNode web)
    {
        var rule = PK6001WebConfigAnalyzer.ErrorDetailsRule;
        if (web.Child("customErrors")?.Attribute("mode") is { } mode && Is(mode, "Off"))
        {
            Add(rule, mode, "customErrors mode", "Off", "RemoteOnly or On", "MIC-39");
        }

        if (web.Child("compilation")?.Attribute("debug") is { } debug && Is(debug, "true"))
        {
            Add(rule, debug, "compilation debug", "true", "false", "MIC-39");
        }

        if (web.Child("trace") is { } trace && trace.Attribute("enabled") is { } enabled && Is(enabled, "true")
            && (trace.Attribute("localOnly") is { } local && Is(local, "false") || trace.Attribute("pageOutput") is { } page && Is(page, "true")))
        {
            Add(rule, enabled, "trace enabled", "true for remote users", "false, or localOnly=\"true\" without pageOutput", "MIC-39");
        }
    }

    private void WebServer(ConfigNode server, string? locationPath)
    {
        if (server.Child("httpErrors")?.Attribute("errorMode") is { } errorMode && Is(errorMode, "Detailed"))
        {
            Add(PK6001WebConfigAnalyzer.ErrorDetailsRule, errorMode, "httpErrors errorMode", "Detailed", "DetailedLocalOnly or Custom", "MIC-39");
        }

        // IIS URL authorization: <add accessType="Allow" users="*" /> under security/authorization.
        if (locationPath is not null && server.Descendant("security", "authorization") is { } authorization && IsSensitive(locationPath))
        {
            foreach (var rule in authorization.Children)
            {
                if (string.Equals(rule.Name, "add", StringComparison.OrdinalIgnoreCase) && rule.Attribute("accessType") is { } access
                    && Is(access, "Allow") && rule.Attribute("users") is { } users && AllowsAnonymous(users.Value))
                {
                    Add(PK6001WebConfigAnalyzer.AnonymousAccessRule, users, "authorization add users", users.Value, "authenticated users only for '" + locationPath + "'", "MN-02");
                    return;
                }
            }
        }
    }

    // ---- PK6002 cookie flags and PK6003 session lifetime ------------------------------------------------------

    private void Cookies(ConfigNode web, bool isRoot)
    {
        var rule = PK6001WebConfigAnalyzer.CookieFlagsRule;
        var cookies = web.Child("httpCookies");
        if (Session.Cookie.Secure == true)
        {
            var requireSsl = cookies?.Attribute("requireSSL");
            if (requireSsl is not null && !Is(requireSsl, "true"))
            {
                Add(rule, requireSsl, "httpCookies requireSSL", requireSsl.Value, "true", Clause("session.cookie.secure"));
            }
            else if (requireSsl is null && (cookies is not null || isRoot))
            {
                Add(rule, (cookies ?? web).Location, "httpCookies requireSSL", "not set (false)", "true", Clause("session.cookie.secure"));
            }
        }

        if (Session.Cookie.HttpOnly == true)
        {
            var httpOnly = cookies?.Attribute("httpOnlyCookies");
            if (httpOnly is not null && !Is(httpOnly, "true"))
            {
                Add(rule, httpOnly, "httpCookies httpOnlyCookies", httpOnly.Value, "true", Clause("session.cookie.httpOnly"));
            }
            else if (httpOnly is null && (cookies is not null || isRoot))
            {
                Add(rule, (cookies ?? web).Location, "httpCookies httpOnlyCookies", "not set (false)", "true", Clause("session.cookie.httpOnly"));
            }
        }
    }

    private void SessionState(ConfigNode? state)
    {
        if (state is null || state.Attribute("mode") is { } mode && Is(mode, "Off"))
        {
            return;
        }

        var rule = PK6001WebConfigAnalyzer.SessionLifetimeRule;
        if (state.Attribute("cookieless") is { } cookieless && IsCookieless(cookieless.Value))
        {
            Add(rule, cookieless, "sessionState cookieless", cookieless.Value, "UseCookies (no session id in URLs)", Clause("session.cookie.secure"));
        }

        if (Session.IdleTimeoutMinutes is int idle)
        {
            var timeout = state.Attribute("timeout");
            var minutes = timeout is null ? SessionTimeoutDefault : Minutes(timeout.Value);
            if (minutes > idle)
            {
                Add(rule, timeout?.Location ?? state.Location, "sessionState timeout", Shown(minutes) + (timeout is null ? " minutes (default)" : " minutes"),
                    "at most " + idle.ToString(CultureInfo.InvariantCulture) + " minutes", Clause("session.idleTimeoutMinutes"));
            }
        }
    }

    private void Forms(ConfigNode? authentication)
    {
        if (authentication is null || authentication.Attribute("mode") is not { } mode || !Is(mode, "Forms"))
        {
            return;
        }

        var forms = authentication.Child("forms");
        var cookieRule = PK6001WebConfigAnalyzer.CookieFlagsRule;
        if (Session.Cookie.Secure == true)
        {
            var requireSsl = forms?.Attribute("requireSSL");
            if (requireSsl is null || !Is(requireSsl, "true"))
            {
                Add(cookieRule, requireSsl?.Location ?? (forms ?? authentication).Location, "forms requireSSL",
                    requireSsl?.Value ?? "not set (false)", "true", Clause("session.cookie.secure"));
            }
        }

        if (forms?.Attribute("protection") is { } protection && !Is(protection, "All"))
        {
            Add(cookieRule, protection, "forms protection", protection.Value, "All (encrypted and validated ticket)", "A.11.5.5");
        }

        var lifetime = PK6001WebConfigAnalyzer.SessionLifetimeRule;
        if (forms?.Attribute("cookieless") is { } cookieless && IsCookieless(cookieless.Value))
        {
            Add(lifetime, cookieless, "forms cookieless", cookieless.Value, "UseCookies (no ticket in URLs)", Clause("session.cookie.secure"));
        }

        var sliding = forms?.Attribute("slidingExpiration");
        var isSliding = sliding is null || Is(sliding, "true");
        if (isSliding && Session.SlidingExpirationAllowed == false)
        {
            Add(lifetime, sliding?.Location ?? (forms ?? authentication).Location, "forms slidingExpiration",
                sliding is null ? "true (default)" : sliding.Value, "false", Clause("session.slidingExpirationAllowed"));
        }

        var timeout = forms?.Attribute("timeout");
        var minutes = timeout is null ? FormsTimeoutDefault : Minutes(timeout.Value);
        var shown = Shown(minutes) + (timeout is null ? " minutes (default)" : " minutes");
        var at = timeout?.Location ?? (forms ?? authentication).Location;
        if (isSliding && Session.IdleTimeoutMinutes is int idle && minutes > idle)
        {
            Add(lifetime, at, "forms timeout (sliding)", shown, "at most " + idle.ToString(CultureInfo.InvariantCulture) + " minutes", Clause("session.idleTimeoutMinutes"));
        }
        else if (!isSliding && Session.AbsoluteTimeoutMinutes is int absolute && minutes > absolute)
        {
            Add(lifetime, at, "forms timeout", shown, "at most " + absolute.ToString(CultureInfo.InvariantCulture) + " minutes", Clause("session.absoluteTimeoutMinutes"));
        }
    }

    // ---- PK6004 machine key ---------------------------------------------------------------------------------

    private void MachineKey(ConfigNode? machineKey)
    {
        if (machineKey is null)
        {
            return;
        }

        foreach (var name in new[] { "validationKey", "decryptionKey" })
        {
            if (machineKey.Attribute(name) is { } key && key.Value.Trim().Length > 0
                && !key.Value.StartsWith("AutoGenerate", StringComparison.OrdinalIgnoreCase) && !IsPlaceholder(key.Value))
            {
                Add(PK6001WebConfigAnalyzer.MachineKeyRule, key, "machineKey " + name, "a literal key", "AutoGenerate,IsolateApps, or a key provisioned outside the delivery", "A.12.3.2");
            }
        }
    }

    // ---- PK6005 secrets in connection strings and appSettings ------------------------------------------------

    private void ConnectionStrings(ConfigNode? strings)
    {
        if (strings is null)
        {
            return;
        }

        foreach (var add in strings.Children)
        {
            if (!string.Equals(add.Name, "add", StringComparison.OrdinalIgnoreCase) || add.Attribute("connectionString") is not { } connection)
            {
                continue;
            }

            foreach (var part in connection.Value.Split(';'))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var key = part.Substring(0, equals).Trim();
                var value = part.Substring(equals + 1).Trim().Trim('\'', '"');
                if ((key.Equals("Password", StringComparison.OrdinalIgnoreCase) || key.Equals("Pwd", StringComparison.OrdinalIgnoreCase))
                    && value.Length > 0 && !IsPlaceholder(value))
                {
                    Add(PK6001WebConfigAnalyzer.ConfigSecretRule, connection, "connectionString '" + (add.Value("name") ?? "?") + "'",
                        "a literal " + key, "Integrated Security, or a secret provisioned outside the delivery", "MN-14");
                    break;
                }
            }
        }
    }

    private void AppSettings(ConfigNode? settings)
    {
        if (settings is null)
        {
            return;
        }

        foreach (var add in settings.Children)
        {
            if (string.Equals(add.Name, "add", StringComparison.OrdinalIgnoreCase) && add.Value("key") is { } key
                && add.Attribute("value") is { } value && value.Value.Trim().Length > 0 && !IsPlaceholder(value.Value)
                && (CredentialNames.Classify(key) != CredentialNameKind.None || (EndsWithKeyWord(key) && LooksGenerated(value.Value))))
            {
                Add(PK6001WebConfigAnalyzer.ConfigSecretRule, value, "appSettings '" + key + "'", "a literal secret", "a secret provisioned outside the delivery", "MN-14");
            }
        }
    }

    // ---- PK6006 anonymous access to protected locations -------------------------------------------------------

    private void Authorization(ConfigNode? authorization, string? path)
    {
        if (authorization is null || path is null || !IsSensitive(path))
        {
            return;
        }

        // ASP.NET applies the first rule that matches the user: an allow of ? or * before any deny of ? lets anonymous in.
        foreach (var rule in authorization.Children)
        {
            var users = rule.Attribute("users");
            if (users is null || !AllowsAnonymous(users.Value))
            {
                continue;
            }

            if (string.Equals(rule.Name, "allow", StringComparison.OrdinalIgnoreCase))
            {
                Add(PK6001WebConfigAnalyzer.AnonymousAccessRule, users, "authorization allow users", users.Value, "authenticated users only for '" + path + "'", "MN-02");
            }

            return;
        }
    }

    // ---- PK6007 request validation and integrity safeguards ------------------------------------------------------

    private void RequestValidation(ConfigNode web)
    {
        var rule = PK6001WebConfigAnalyzer.RequestValidationRule;
        if (web.Child("pages") is { } pages)
        {
            if (pages.Attribute("validateRequest") is { } validate && Is(validate, "false"))
            {
                Add(rule, validate, "pages validateRequest", "false", "true", "IPA-091");
            }

            if (pages.Attribute("enableViewStateMac") is { } mac && Is(mac, "false"))
            {
                Add(rule, mac, "pages enableViewStateMac", "false", "true", "A.12.2.1");
            }

            if (pages.Attribute("enableEventValidation") is { } events && Is(events, "false"))
            {
                Add(rule, events, "pages enableEventValidation", "false", "true", "A.12.2.1");
            }
        }

        if (web.Child("httpRuntime") is not { } runtime)
        {
            return;
        }

        if (runtime.Attribute("requestValidationMode") is { } mode && Version(mode.Value) is { } modeVersion && modeVersion < new Version(4, 0))
        {
            Add(rule, mode, "httpRuntime requestValidationMode", mode.Value, "4.0 or later", "IPA-091");
        }

        if (runtime.Attribute("enableHeaderChecking") is { } headers && Is(headers, "false"))
        {
            Add(rule, headers, "httpRuntime enableHeaderChecking", "false", "true", "A.12.2.1");
        }

        if (runtime.Attribute("targetFramework") is { } target && Version(target.Value) is { } targetVersion && targetVersion < new Version(4, 5))
        {
            Add(rule, target, "httpRuntime targetFramework", target.Value, "4.5 or later (4.5 request validation and encoding behaviour)", "A.12.2.1");
        }
    }

    // ---- PK6008 membership password settings -------------------------------------------------------------------

    private void Membership(ConfigNode? membership)
    {
        var providers = membership?.Child("providers");
        if (providers is null)
        {
            return;
        }

        var rule = PK6001WebConfigAnalyzer.MembershipPasswordRule;
        foreach (var add in providers.Children)
        {
            if (!string.Equals(add.Name, "add", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (_policy.Password.MinimumLength is int required)
            {
                var length = add.Attribute("minRequiredPasswordLength");
                var value = length is null ? MembershipLengthDefault : (int)Minutes(length.Value);
                if (value < required)
                {
                    Add(rule, length?.Location ?? add.Location, "membership minRequiredPasswordLength",
                        value.ToString(CultureInfo.InvariantCulture) + (length is null ? " (default)" : string.Empty), "at least " + required.ToString(CultureInfo.InvariantCulture), Clause("password.minimumLength"));
                }
            }

            if (add.Attribute("passwordFormat") is { } format && (Is(format, "Clear") || Is(format, "Encrypted")))
            {
                Add(rule, format, "membership passwordFormat", format.Value, "Hashed", "A.11.5.3");
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private string Clause(string path) => PolicyClause.Of(_policy, path);

    private void Add(Microsoft.CodeAnalysis.DiagnosticDescriptor rule, ConfigAttribute attribute, string setting, string found, string required, string clause) =>
        _findings.Add(new ConfigFinding(rule, attribute.Location, setting, found, required, clause));

    private void Add(Microsoft.CodeAnalysis.DiagnosticDescriptor rule, Microsoft.CodeAnalysis.Location location, string setting, string found, string required, string clause) =>
        _findings.Add(new ConfigFinding(rule, location, setting, found, required, clause));

    private static bool Is(ConfigAttribute attribute, string expected) =>
        string.Equals(attribute.Value.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsCookieless(string value) =>
        value.Trim() is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("UseUri", StringComparison.OrdinalIgnoreCase)
            || v.Equals("AutoDetect", StringComparison.OrdinalIgnoreCase));

    private static bool AllowsAnonymous(string users)
    {
        foreach (var user in users.Split(','))
        {
            if (user.Trim() is "?" or "*")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSensitive(string path)
    {
        foreach (var segment in path.Split('/', '\\'))
        {
            foreach (var word in SensitivePathWords)
            {
                if (segment.Equals(word, StringComparison.OrdinalIgnoreCase)
                    || segment.StartsWith(word + ".", StringComparison.OrdinalIgnoreCase) && !word.Contains("."))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Minutes as ASP.NET writes them here: an integer; a TimeSpan ("00:30:00") is accepted too.
    private static double Minutes(string value)
    {
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span.TotalMinutes : 0;
    }

    // Release pipelines replace tokens in config files: #{Name} (Octopus, Azure DevOps), $(Name), ${NAME}, __NAME__, @@NAME@@.
    // Push:ServerKey, Maps:LicenseKey: a setting named "…Key" by a qualifier the name list does not know is a secret
    // only when its value looks generated, never a word such as "products-v2".
    private static bool EndsWithKeyWord(string key)
    {
        var words = CredentialNames.Split(key);
        return words.Count > 1 && words[words.Count - 1] == "key";
    }

    // At least 16 characters without spaces, letters and digits mixed, and no URL, path or GUID (a GUID is an
    // identifier such as an instrumentation key more often than a credential).
    private static bool LooksGenerated(string value)
    {
        var text = value.Trim();
        if (text.Length < 16 || Guid.TryParse(text, out _) || text.IndexOf("://", StringComparison.Ordinal) >= 0
            || text.StartsWith("~/", StringComparison.Ordinal) || text.StartsWith("/", StringComparison.Ordinal) || text.IndexOf('\\') >= 0)
        {
            return false;
        }

        // Generated text switches between letters and digits often ("9fK2mQ7x…"); a name such as "TenantShard01" once.
        bool upper = false, lower = false;
        var switches = 0;
        var previousDigit = char.IsDigit(text[0]);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
            if (char.IsLetterOrDigit(c) && char.IsDigit(c) != previousDigit)
            {
                switches++;
                previousDigit = char.IsDigit(c);
            }
        }

        return upper && lower && switches >= 4;
    }

    private static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return CredentialPlaceholders.IsPlaceholder(text)
            || text.StartsWith("#{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal)
            || text.StartsWith("$(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal)
            || text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal)
            || text.Length > 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal)
            || text.Length > 4 && text.StartsWith("@@", StringComparison.Ordinal) && text.EndsWith("@@", StringComparison.Ordinal);
    }

    private static string Shown(double minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture);

    private static Version? Version(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("v", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(1);
        }

        return System.Version.TryParse(text.IndexOf('.') < 0 ? text + ".0" : text, out var version) ? version : null;
    }
}
