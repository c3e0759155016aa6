using System;
using System.IO;
using System.Linq;
using PolicyAsCode;
using PolicyKit;

// Builds a policy in C#, composes its profiles, prints the composition conflicts and how they were settled,
// validates it, checks passwords, and shows that policykit.json beside it is the same policy.
// Usage: policy-as-code [--write]   (--write regenerates policykit.json from the C# records)
Console.OutputEncoding = System.Text.Encoding.UTF8;
var jsonPath = Path.Combine(AppContext.BaseDirectory, "policykit.json");
if (args.Contains("--write"))
{
    File.WriteAllText(Path.Combine(Directory.GetCurrentDirectory(), "policykit.json"), PolicyJson.Write(ContosoPolicy.Declared));
    Console.WriteLine("policykit.json written.");
    return 0;
}

var profiles = ContosoPolicy.ProfileNames.Select(Profiles.Load).ToArray();
var composed = PolicySet.Compose(profiles);
Console.WriteLine($"Composed {string.Join(" + ", ContosoPolicy.ProfileNames)}: {composed.Conflicts.Count} conflict(s)");
foreach (var conflict in composed.Conflicts)
{
    var decision = ContosoPolicy.Declared.Decisions.TryGetValue(conflict.Path, out var kept) ? "settled: keep " + kept : "UNSETTLED";
    Console.WriteLine($"  {conflict.Path}: {conflict.Value} [{conflict.Source}] vs {conflict.OtherPath}: {conflict.OtherValue} [{conflict.OtherSource}] -> {decision}");
}

var effective = composed.OverrideWith(ContosoPolicy.Declared);
Console.WriteLine();
Console.WriteLine("Effective values");
Console.WriteLine($"  password.minimumLength       {effective.Password.MinimumLength,-6} [{effective.SourceOf("password.minimumLength")}]");
Console.WriteLine($"  password.maximumAgeDays      {effective.Password.MaximumAgeDays?.ToString() ?? "-",-6} [{effective.SourceOf("password.maximumAgeDays")}]");
Console.WriteLine($"  password.forbidPeriodicChange {effective.Password.ForbidPeriodicChange,-5} [{effective.SourceOf("password.forbidPeriodicChange")}]");
Console.WriteLine($"  session.idleTimeoutMinutes   {effective.Session.IdleTimeoutMinutes,-6} [{effective.SourceOf("session.idleTimeoutMinutes")}]");

var errors = effective.Validate();
Console.WriteLine();
Console.WriteLine(errors.Count == 0 ? "Validate(): complete and valid." : $"Validate(): {errors.Count} problem(s)");
foreach (var error in errors)
{
    Console.WriteLine($"  {error}");
}

Console.WriteLine();
Console.WriteLine("Passwords");
var user = new PasswordContext { UserName = "sato.hanako", Email = "sato.hanako@contoso.example", ServiceWords = new[] { "Contoso" } };
foreach (var candidate in new[] { "contoso", "Hanako2026!", "sato.hanako.2026", "blue heron at dawn 17" })
{
    var violations = effective.EvaluatePassword(candidate, user);
    Console.WriteLine($"  {candidate,-24} {(violations.Count == 0 ? "accepted" : "rejected")}");
    foreach (var violation in violations)
    {
        Console.WriteLine($"      - {violation.Message} [{violation.Source}]");
    }
}

var file = PolicyJson.Load(jsonPath);
var same = file.Hash == PolicyJson.Hash(ContosoPolicy.Declared);
Console.WriteLine();
Console.WriteLine($"policykit.json is {(same ? "the same policy" : "DIFFERENT from the C# policy (run with --write)")}: sha256 {file.Hash}");
return errors.Count == 0 && same ? 0 : 1;
