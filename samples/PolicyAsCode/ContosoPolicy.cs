using System.Collections.Generic;
using PolicyKit;

namespace PolicyAsCode;

/// <summary>Contoso Retail's own decisions, written as C# records instead of JSON.</summary>
internal static class ContosoPolicy
{
    /// <summary>The profiles the policy builds on: the My Number manual's clauses and NIST's modern numbers.</summary>
    public static readonly string[] ProfileNames = { "mynumber", "nist-800-63b" };

    /// <summary>What the adopter decides, over the profiles.</summary>
    public static PolicySet Declared { get; } = new()
    {
        SchemaVersion = "1",
        Name = "Contoso Retail (policy as code)",
        Version = "2",
        TimeZoneOffset = "+09:00",
        Profiles = ProfileNames,
        // MN-13 asks for a 90-day expiry; NIST SP 800-63B forbids periodic change: keep NIST's side.
        Decisions = new Dictionary<string, string> { ["password.maximumAgeDays"] = "nist-800-63b" },
        Password = new PasswordPolicy
        {
            MinimumClassCount = 2,
            BannedPasswords = new[] { "contoso", "password", "qwerty123" },
            RejectContextWords = true,
            Lockout = new LockoutRule { Threshold = 10, DurationMinutes = 15 },
        },
        AccessControl = new AccessControlPolicy
        {
            DenyByDefault = true,
            DefaultRole = "customer",
            Roles = new[]
            {
                new Role { Name = "customer", Permissions = new[] { "orders:read", "orders:write" } },
                new Role { Name = "admin", Permissions = new[] { "*" }, Administrative = true },
            },
            AnonymousAllowList = new[] { "/", "/Login" },
        },
        Session = new SessionPolicy { IdleTimeoutMinutes = 15 },
        Encryption = new EncryptionRequirement { MinimumTlsVersion = TlsVersion.Tls12, ApprovedCiphers = new[] { "AES" }, AtRest = new[] { "personal", "mynumber" } },
        Audit = new AuditRequirement { LogRetentionDays = 365 },
        Retention = new RetentionPolicy
        {
            Periods = new[]
            {
                new RetentionPeriod { DataClass = "personal", MaximumKeepDays = 1095, Deletion = DeletionMethod.Delete },
                new RetentionPeriod { DataClass = "mynumber", MaximumKeepDays = 2555, Deletion = DeletionMethod.Delete },
            },
        },
    };
}
