using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Bench;

/// <summary>A tool the benchmark builds the corpus with.</summary>
/// <param name="Name">Short name used on the command line and as the corpus's <c>Peer</c> property.</param>
/// <param name="Display">Name and version shown in the tables.</param>
/// <param name="AnalyzerAssemblies">Assembly names whose analyzer time is the tool's own (ReportAnalyzer output).</param>
/// <param name="Mapping">Tool rule id to the PolicyKit categories it covers.</param>
public sealed record Tool(string Name, string Display, IReadOnlyList<string> AnalyzerAssemblies, IReadOnlyDictionary<string, string[]> Mapping)
{
    /// <summary>The categories a rule id maps to (none when the rule is out of scope).</summary>
    public string[] CategoriesOf(string ruleId) => Mapping.TryGetValue(ruleId, out var categories) ? categories : Array.Empty<string>();
}

/// <summary>
/// The tools and the mapping of their rule ids to corpus categories. The peers' ids come from
/// shared/reference/peers.md (§1.2, §2.2, §3.2, §4.2); a rule maps to every category whose flaw it reports.
/// Scoring is per labelled case, so a rule mapped to two categories is only counted on labels of each.
/// </summary>
public static class Tools
{
    /// <summary>Every PolicyKit category of the corpus, in report order.</summary>
    public static readonly string[] Categories =
    {
        "PK1001", "PK1002", "PK1003", "PK1004", "PK1005", "PK1006", "PK1007", "PK1008", "PK1009", "PK2001", "PK2002", "PK3001", "PK3002", "PK3003", "PK3004", "PK3005",
        "PK3006", "PK3007", "PK4001", "PK4002", "PK4003", "PK4004", "PK4005", "PK5001", "PK5002",
    };

    /// <summary>
    /// The Web.config/App.config categories, labelled only in the legacy corpus (tests/LegacyCorpus); kept out of
    /// <see cref="Categories"/> so that the ASP.NET Core table stays comparable with earlier runs.
    /// </summary>
    public static readonly string[] ConfigCategories =
    {
        "PK6001", "PK6002", "PK6003", "PK6004", "PK6005", "PK6006", "PK6007", "PK6008",
    };

    /// <summary>Every category a tool may be scored on, corpus and legacy corpus together.</summary>
    public static readonly string[] AllCategories = Categories.Concat(ConfigCategories).ToArray();

    /// <summary>Titles of the categories (ARCHITECTURE.md §4).</summary>
    public static readonly IReadOnlyDictionary<string, string> CategoryTitles = new Dictionary<string, string>
    {
        ["PK1001"] = "SQL from non-constant strings",
        ["PK1002"] = "Cross-site scripting",
        ["PK1003"] = "Command injection",
        ["PK1004"] = "Path traversal",
        ["PK1005"] = "Open redirect",
        ["PK1006"] = "HTTP/mail header injection",
        ["PK1007"] = "Insecure deserialization",
        ["PK1008"] = "XML external entities",
        ["PK1009"] = "Insecure direct object reference (review)",
        ["PK2001"] = "Hard-coded credential",
        ["PK2002"] = "Hard-coded key or IV",
        ["PK3001"] = "Swallowed authn/authz error",
        ["PK3002"] = "Endpoint without authorization",
        ["PK3003"] = "Password options weaker than policy",
        ["PK3004"] = "Session/cookie weaker than policy",
        ["PK3005"] = "Error details shown to users",
        ["PK3006"] = "Missing antiforgery (CSRF)",
        ["PK3007"] = "Framing allowed (clickjacking)",
        ["PK4001"] = "Weak hash",
        ["PK4002"] = "Weak cipher, mode or key size",
        ["PK4003"] = "Insecure randomness",
        ["PK4004"] = "Certificate validation disabled",
        ["PK4005"] = "Cleartext transport",
        ["PK5001"] = "Sensitive data in logs",
        ["PK5002"] = "Personal data without retention",
        ["PK6001"] = "Web.config error details / debug",
        ["PK6002"] = "Web.config cookie flags",
        ["PK6003"] = "Web.config session/forms lifetime",
        ["PK6004"] = "Literal machineKey",
        ["PK6005"] = "Secret in Web.config",
        ["PK6006"] = "Anonymous access to a protected location",
        ["PK6007"] = "Request-validation safeguard off",
        ["PK6008"] = "Membership password settings",
    };

    /// <summary>PolicyKit: its rule ids are the categories.</summary>
    public static readonly Tool PolicyKit = new(
        "policykit", "PolicyKit (this branch)", new[] { "PolicyKit.Analyzers", "PolicyKit.CodeFixes", "PolicyKit" },
        Identity());

    /// <summary>Security Code Scan 5.6.7 (audit mode, SCS0012 on).</summary>
    public static readonly Tool Scs = new(
        "scs", "SecurityCodeScan.VS2019 5.6.7", new[] { "SecurityCodeScan.VS2019", "SecurityCodeScan" },
        new Dictionary<string, string[]>
        {
            ["SCS0002"] = new[] { "PK1001" },
            ["SCS0029"] = new[] { "PK1002" },
            ["SCS0001"] = new[] { "PK1003" },
            ["SCS0018"] = new[] { "PK1004" },
            ["SCS0027"] = new[] { "PK1005" },
            ["SCS0028"] = new[] { "PK1007" },
            ["SCS0007"] = new[] { "PK1008" },
            ["SCS0011"] = new[] { "PK1008" },
            ["SCS0016"] = new[] { "PK3006" },
            ["SCS0015"] = new[] { "PK2001", "PK2002" },
            ["SCS0012"] = new[] { "PK3002" },
            ["SCS0032"] = new[] { "PK3003" },
            ["SCS0033"] = new[] { "PK3003" },
            ["SCS0034"] = new[] { "PK3003" },
            ["SCS0008"] = new[] { "PK3004" },
            ["SCS0009"] = new[] { "PK3004" },
            ["SCS0006"] = new[] { "PK4001" },
            ["SCS0010"] = new[] { "PK4002" },
            ["SCS0013"] = new[] { "PK4002" },
            ["SCS0005"] = new[] { "PK4003" },
            ["SCS0004"] = new[] { "PK4004" },
            // Web.config rules (WebConfigAnalyzer reads AdditionalFiles whose name starts with "Web.config"). SCS0023
            // (viewStateEncryptionMode not Always) has no PolicyKit counterpart and stays unmapped.
            ["SCS0021"] = new[] { "PK6007" },
            ["SCS0022"] = new[] { "PK6007" },
            ["SCS0024"] = new[] { "PK6007" },
        });

    /// <summary>SonarAnalyzer.CSharp 9.32 with its security hotspots listed in SonarLint.xml.</summary>
    public static readonly Tool Sonar = new(
        "sonar", "SonarAnalyzer.CSharp 9.32.0.97167", new[] { "SonarAnalyzer.CSharp", "SonarAnalyzer" },
        new Dictionary<string, string[]>
        {
            ["S2077"] = new[] { "PK1001" },
            ["S3649"] = new[] { "PK1001" },
            ["S5131"] = new[] { "PK1002" },
            ["S2076"] = new[] { "PK1003" },
            ["S2083"] = new[] { "PK1004" },
            ["S6096"] = new[] { "PK1004" },
            ["S5146"] = new[] { "PK1005" },
            ["S5773"] = new[] { "PK1007" },
            ["S5766"] = new[] { "PK1007" },
            ["S5135"] = new[] { "PK1007" },
            ["S2755"] = new[] { "PK1008" },
            ["S4502"] = new[] { "PK3006" },
            // S2068 also scans web.config attributes (FilesToAnalyze of SonarProjectConfig.xml): PK6005 there.
            ["S2068"] = new[] { "PK2001", "PK6005" },
            ["S6418"] = new[] { "PK2001", "PK2002" },
            ["S2115"] = new[] { "PK2001" },
            ["S6781"] = new[] { "PK2002" },
            ["S3329"] = new[] { "PK2002" },
            ["S108"] = new[] { "PK3001" },
            ["S2486"] = new[] { "PK3001" },
            ["S2092"] = new[] { "PK3004" },
            ["S3330"] = new[] { "PK3004" },
            ["S4507"] = new[] { "PK3005" },
            ["S4790"] = new[] { "PK4001" },
            ["S5344"] = new[] { "PK4001" },
            ["S2053"] = new[] { "PK4001" },
            ["S5547"] = new[] { "PK4002" },
            ["S5542"] = new[] { "PK4002" },
            ["S4426"] = new[] { "PK4002" },
            ["S2245"] = new[] { "PK4003" },
            ["S4347"] = new[] { "PK4003" },
            ["S4830"] = new[] { "PK4004" },
            ["S5332"] = new[] { "PK4005" },
            ["S4423"] = new[] { "PK4005" },
            ["S5753"] = new[] { "PK6007" },
        });

    /// <summary>The SDK's NetAnalyzers with every Security-category rule at warning.</summary>
    public static readonly Tool NetAnalyzers = new(
        "netanalyzers", "NetAnalyzers (SDK built-in)", new[] { "Microsoft.CodeAnalysis.NetAnalyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers" },
        new Dictionary<string, string[]>
        {
            ["CA2100"] = new[] { "PK1001" },
            ["CA3001"] = new[] { "PK1001" },
            ["CA3002"] = new[] { "PK1002" },
            ["CA3006"] = new[] { "PK1003" },
            ["CA3003"] = new[] { "PK1004" },
            ["CA5389"] = new[] { "PK1004" },
            ["CA3007"] = new[] { "PK1005" },
            ["CA2300"] = new[] { "PK1007" },
            ["CA2301"] = new[] { "PK1007" },
            ["CA2302"] = new[] { "PK1007" },
            ["CA2305"] = new[] { "PK1007" },
            ["CA2310"] = new[] { "PK1007" },
            ["CA2311"] = new[] { "PK1007" },
            ["CA2312"] = new[] { "PK1007" },
            ["CA2315"] = new[] { "PK1007" },
            ["CA2321"] = new[] { "PK1007" },
            ["CA2322"] = new[] { "PK1007" },
            ["CA2326"] = new[] { "PK1007" },
            ["CA2327"] = new[] { "PK1007" },
            ["CA2328"] = new[] { "PK1007" },
            ["CA2329"] = new[] { "PK1007" },
            ["CA2330"] = new[] { "PK1007" },
            ["CA2350"] = new[] { "PK1007" },
            ["CA2351"] = new[] { "PK1007" },
            ["CA2352"] = new[] { "PK1007" },
            ["CA2353"] = new[] { "PK1007" },
            ["CA2354"] = new[] { "PK1007" },
            ["CA2355"] = new[] { "PK1007" },
            ["CA2356"] = new[] { "PK1007" },
            ["CA2361"] = new[] { "PK1007" },
            ["CA2362"] = new[] { "PK1007" },
            ["CA3061"] = new[] { "PK1008" },
            ["CA3075"] = new[] { "PK1008" },
            ["CA3076"] = new[] { "PK1008" },
            ["CA3077"] = new[] { "PK1008" },
            ["CA5366"] = new[] { "PK1008" },
            ["CA5369"] = new[] { "PK1008" },
            ["CA5370"] = new[] { "PK1008" },
            ["CA5371"] = new[] { "PK1008" },
            ["CA5372"] = new[] { "PK1008" },
            ["CA5391"] = new[] { "PK3006" },
            ["CA3147"] = new[] { "PK3006" },
            ["CA5390"] = new[] { "PK2002" },
            ["CA5401"] = new[] { "PK2002" },
            ["CA5402"] = new[] { "PK2002" },
            ["CA5382"] = new[] { "PK3004" },
            ["CA5383"] = new[] { "PK3004" },
            ["CA5396"] = new[] { "PK3004" },
            ["CA3004"] = new[] { "PK3005" },
            ["CA5350"] = new[] { "PK4001", "PK4002" },
            ["CA5351"] = new[] { "PK4001", "PK4002" },
            ["CA5379"] = new[] { "PK4001" },
            ["CA5387"] = new[] { "PK4001" },
            ["CA5388"] = new[] { "PK4001" },
            ["CA5373"] = new[] { "PK4001" },
            ["CA5358"] = new[] { "PK4002" },
            ["CA5384"] = new[] { "PK4002" },
            ["CA5385"] = new[] { "PK4002" },
            ["CA5394"] = new[] { "PK4003" },
            ["CA5359"] = new[] { "PK4004" },
            ["CA5364"] = new[] { "PK4005" },
            ["CA5386"] = new[] { "PK4005" },
            ["CA5397"] = new[] { "PK4005" },
            ["CA5398"] = new[] { "PK4005" },
        });

    /// <summary>The tools by command-line name.</summary>
    public static readonly IReadOnlyDictionary<string, Tool> ByName = new Dictionary<string, Tool>(StringComparer.OrdinalIgnoreCase)
    {
        [PolicyKit.Name] = PolicyKit,
        [Scs.Name] = Scs,
        [Sonar.Name] = Sonar,
        [NetAnalyzers.Name] = NetAnalyzers,
    };

    private static Dictionary<string, string[]> Identity()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var category in AllCategories)
        {
            map[category] = new[] { category };
        }

        return map;
    }
}
