namespace PolicyKit.Tests;

/// <summary>The example of docs/policykit-json.md, without its comments.</summary>
internal static class Samples
{
    public const string Full = """
        {
          "$schema": "./policykit.schema.json",
          "schemaVersion": "1",
          "name": "Contoso payroll",
          "version": "3",
          "timeZoneOffset": "+09:00",
          "application": { "internetFacing": true, "handlesPersonalData": true, "handlesMyNumber": false },
          "password": {
            "minimumLength": 12, "maximumLength": 128,
            "requiredClasses": ["lower", "upper", "digit", "symbol"],
            "minimumClassCount": 3,
            "forbidCompositionRules": false,
            "checkBreachedPasswords": true,
            "bannedPasswords": ["password", "qwerty"],
            "rejectContextWords": true,
            "maximumAgeDays": 90,
            "forbidPeriodicChange": false,
            "historyCount": 5,
            "mustChangeInitialPassword": true,
            "mustChangeAfterReset": true,
            "lockout": { "threshold": 5, "durationMinutes": 15 },
            "hashing": { "algorithm": "PBKDF2-HMAC-SHA256", "minimumIterations": 600000 }
          },
          "accessControl": {
            "denyByDefault": true,
            "individualAccountsOnly": true,
            "defaultRole": "reader",
            "roles": [ { "name": "reader", "permissions": ["payroll:read"] },
                       { "name": "admin", "permissions": ["*"], "administrative": true } ],
            "anonymousAllowList": ["/", "/health", "/account/login", "HomeController.Index", "/Privacy"],
            "stateChangingRequireAuthorization": true
          },
          "encryption": {
            "approvedHashes": ["SHA-256", "SHA-384", "SHA-512"],
            "forbiddenHashes": ["MD5", "SHA-1"],
            "minimumHash": "SHA-256",
            "approvedCiphers": ["AES"],
            "forbiddenCiphers": ["DES", "3DES", "RC2", "RC4"],
            "forbiddenModes": ["ECB"],
            "minimumKeySizes": { "RSA": 2048, "EC": 256, "AES": 128, "DH": 2048 },
            "minimumTlsVersion": "1.2",
            "atRest": ["personal", "mynumber"],
            "keyStorage": "key-vault"
          },
          "session": {
            "idleTimeoutMinutes": 30, "absoluteTimeoutMinutes": 480,
            "renewOnLogin": true, "slidingExpirationAllowed": true,
            "cookie": { "secure": true, "httpOnly": true, "sameSite": "Lax" }
          },
          "audit": {
            "events": ["signIn", "signInFailure", "signOut", "accessDenied", "personalDataRead", "personalDataChange", "adminAction"],
            "centralStorage": true, "tamperProtection": true, "clockSource": "NTP", "logRetentionDays": 365
          },
          "backup": { "frequencyHours": 24, "offsiteCopy": true, "encrypted": true, "restoreDrillIntervalDays": 365, "generationsKept": 7 },
          "dataClasses": [
            { "name": "personal", "attributes": ["PersonalData", "ProtectedPersonalData", "Classified"],
              "memberNames": ["Email", "PhoneNumber", "Address", "BirthDate"], "typeNames": [] },
            { "name": "mynumber", "memberNames": ["MyNumber", "IndividualNumber", "KojinBango"] }
          ],
          "retention": {
            "periods": [
              { "dataClass": "personal", "minimumKeepDays": 0, "maximumKeepDays": 2555, "legalHold": false, "deletion": "delete" },
              { "dataClass": "mynumber", "maximumKeepDays": 2555, "deletion": "delete" }
            ]
          },
          "waivers": [
            { "rule": "PK1001", "path": "src/Legacy/**/*.cs", "symbol": null,
              "justification": "Legacy report queries use whitelisted column names only",
              "approver": "情報システム部 山田", "expires": "2027-03-31" }
          ],
          "requirements": [ { "path": "password.lockout.durationMinutes", "clause": "MN-13", "note": "the manual asks for lockout but gives no number" } ]
        }
        """;
}
