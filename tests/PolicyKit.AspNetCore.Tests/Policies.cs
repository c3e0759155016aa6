namespace PolicyKit.AspNetCore.Tests;

/// <summary>Policies the tests apply, as policykit.json text read by the real reader.</summary>
internal static class Policies
{
    public static PolicySet Strict { get; } = Parse("""
        {
          "schemaVersion": "1",
          "password": { "minimumLength": 12, "requiredClasses": ["digit", "symbol"], "bannedPasswords": ["contoso-2026!"],
                        "rejectContextWords": true, "lockout": { "threshold": 5, "durationMinutes": 15 } },
          "accessControl": { "denyByDefault": true, "defaultRole": "reader",
                             "roles": [ { "name": "reader", "permissions": ["orders:read"] },
                                        { "name": "clerk", "permissions": ["orders:*"] },
                                        { "name": "admin", "permissions": ["*"], "administrative": true } ] },
          "session": { "idleTimeoutMinutes": 20, "absoluteTimeoutMinutes": 120, "slidingExpirationAllowed": true,
                       "cookie": { "secure": true, "httpOnly": true, "sameSite": "Strict" } }
        }
        """);

    public static PolicySet NistLike { get; } = Parse("""
        { "schemaVersion": "1", "password": { "minimumLength": 15, "forbidCompositionRules": true },
          "session": { "idleTimeoutMinutes": 30 } }
        """);

    private static PolicySet Parse(string json)
    {
        var load = PolicyJson.Parse(json);
        Assert.True(load.Success, string.Join("; ", load.Errors));
        return load.Policy!;
    }
}
