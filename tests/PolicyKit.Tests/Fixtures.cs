using System.Collections.Generic;

namespace PolicyKit.Tests;

/// <summary>Small profiles in the format of src/PolicyKit/Profiles, for tests that must not depend on the real ones.</summary>
internal static class Fixtures
{
    public const string MyNumberLike = """
        {
          "schemaVersion": "1",
          "name": "mynumber-like",
          "application": { "handlesMyNumber": { "value": true, "source": "MN-1" } },
          "password": {
            "minimumLength": { "value": 8, "source": "MN-11" },
            "maximumAgeDays": { "value": 90, "source": "MN-12" },
            "lockout": { "threshold": { "value": 10, "source": "MN-13" } }
          },
          "session": { "idleTimeoutMinutes": { "value": 30, "source": "MN-16" } },
          "encryption": {
            "forbiddenHashes": { "value": ["MD5"], "source": "MN-34" },
            "minimumKeySizes": { "RSA": { "value": 2048, "source": "MN-34" } },
            "minimumTlsVersion": { "value": "1.2", "source": "MN-41" }
          },
          "requirements": [
            { "path": "password.lockout.durationMinutes", "clause": "MN-13", "note": "the manual asks for lockout but gives no number" },
            { "path": "audit.logRetentionDays", "clause": "MN-20" },
            { "path": "accessControl.defaultRole", "clause": "MN-02" }
          ]
        }
        """;

    public const string NistLike = """
        {
          "password": {
            "minimumLength": { "value": 15, "source": "5.1.1.2-a" },
            "forbidPeriodicChange": { "value": true, "source": "5.1.1.2-j" },
            "lockout": { "threshold": { "value": 100, "source": "5.2.2" } }
          },
          "session": { "idleTimeoutMinutes": { "value": 60, "source": "7.1.2" } },
          "encryption": {
            "forbiddenHashes": { "value": ["SHA1", "MD5"], "source": "SP800-131A" },
            "minimumKeySizes": { "RSA": { "value": 3072, "source": "SP800-57" }, "EC": { "value": 256, "source": "SP800-57" } },
            "minimumTlsVersion": { "value": "1.3", "source": "SP800-52" }
          }
        }
        """;

    public static string? Resolve(string name) => name switch
    {
        "mynumber-like" => MyNumberLike,
        "nist-like" => NistLike,
        _ => null,
    };

    public static PolicySet Profile(string name)
    {
        var errors = new List<PolicyError>();
        var policy = PolicyJson.ReadProfile(Resolve(name)!, name, errors);
        Assert.Empty(errors);
        return policy;
    }

    public static PolicyLoadResult Parse(string text) => PolicyJson.Parse(text, "policykit.json", Resolve);
}
