using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyKit;

// Loads a policykit.json, composes its profiles, validates it and shows the building blocks at work.
// Usage: policykit-sample [path/to/policykit.json]   (exit code 0 = valid, 1 = the policy has errors, 2 = not found)
var path = args.Length > 0 ? args[0] : Path.Combine("samples", "policykit.json");
var load = PolicyJson.Load(path);
if (load.Errors.Any(e => e.Kind == PolicyErrorKind.FileNotFound))
{
    Console.Error.WriteLine(load.Errors[0].Message);
    return 2;
}

Console.OutputEncoding = System.Text.Encoding.UTF8;
var policy = load.Policy;
Console.WriteLine($"Policy    {load.Declared?.Name ?? "(unnamed)"}, version {load.Declared?.Version ?? "?"}");
Console.WriteLine($"File      {Path.GetFullPath(path)}");
Console.WriteLine($"SHA-256   {load.Hash}");
Console.WriteLine($"Profiles  {string.Join(", ", load.Declared?.Profiles ?? Array.Empty<string>())}");
Console.WriteLine();

if (policy is not null)
{
    Console.WriteLine("Effective values and where they come from");
    foreach (var (setting, value) in new (string, object?)[]
    {
        ("password.minimumLength", policy.Password.MinimumLength),
        ("password.maximumAgeDays", policy.Password.MaximumAgeDays),
        ("password.forbidPeriodicChange", policy.Password.ForbidPeriodicChange),
        ("password.lockout.threshold", policy.Password.Lockout.Threshold),
        ("session.idleTimeoutMinutes", policy.Session.IdleTimeoutMinutes),
        ("encryption.minimumTlsVersion", policy.Encryption.MinimumTlsVersion),
    })
    {
        Console.WriteLine($"  {setting,-32} {Show(value),-12} {policy.SourceOf(setting)}");
    }

    Console.WriteLine();
    Console.WriteLine("Password checks (PasswordPolicy.Evaluate)");
    var user = new PasswordContext { UserName = "yamada.taro", Email = "yamada@contoso.example" };
    foreach (var candidate in new[] { "kyuuyo2024", "Yamada.Taro!2026", "correct horse battery staple" })
    {
        var violations = policy.EvaluatePassword(candidate, user);
        Console.WriteLine($"  {candidate,-30} {(violations.Count == 0 ? "accepted" : "rejected")}");
        foreach (var violation in violations)
        {
            Console.WriteLine($"      - {violation.Message} [{violation.Source}]");
        }
    }

    Console.WriteLine();
    Console.WriteLine("Algorithm checks (EncryptionRequirement.Check)");
    foreach (var (algorithm, size) in new (string, int?)[] { ("SHA1", null), ("AES", 256), ("TripleDES", 192), ("RSA", 1024) })
    {
        var check = policy.Encryption.Check(algorithm, size);
        Console.WriteLine($"  {algorithm + (size is null ? "" : "-" + size),-14} {check.Verdict,-12} {check.Message}");
    }

    Console.WriteLine();
    Console.WriteLine("Retention (RetentionPeriod.DeletionDueOn)");
    var created = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
    foreach (var period in policy.Retention.Periods)
    {
        Console.WriteLine($"  {period.DataClass,-10} created {created:yyyy-MM-dd} -> delete by {period.DeletionDueOn(created)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no maximum)"} ({period.Deletion})");
    }

    Console.WriteLine();
    Console.WriteLine("Waivers (Waiver.IsActive)");
    foreach (var waiver in policy.Waivers)
    {
        Console.WriteLine($"  {waiver.Rule} {waiver.Symbol ?? waiver.Path} until {waiver.ExpiresAt:yyyy-MM-dd HH:mm zzz}: {(waiver.IsActive(DateTimeOffset.UtcNow) ? "active" : "EXPIRED")}, approved by {waiver.Approver}");
    }

    Console.WriteLine();
}

Console.WriteLine(load.Errors.Count == 0 ? "Validation: the policy is complete and valid." : $"Validation: {load.Errors.Count} problem(s) — each is a decision the adopter still has to make or a mistake to fix:");
foreach (var error in load.Errors)
{
    var at = error.Location is { } l ? $"{Path.GetFileName(l.FilePath ?? path)}({l.Line},{l.Column})" : path;
    Console.WriteLine($"  {at}: {error.JsonPath}: {error.Message}{(error.Clause is null ? "" : " [" + error.Clause + "]")}");
}

return load.Errors.Count == 0 ? 0 : 1;

static string Show(object? value) => value switch
{
    null => "(undecided)",
    bool b => b ? "true" : "false",
    TlsVersion v => v switch { TlsVersion.Tls10 => "TLS 1.0", TlsVersion.Tls11 => "TLS 1.1", TlsVersion.Tls12 => "TLS 1.2", _ => "TLS 1.3" },
    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
};
