using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK2001 in appsettings*.json given as AdditionalFiles: reported at the value inside the JSON.</summary>
public sealed class PK2001HardcodedCredentialSettingsTests
{
    private static async Task<Diagnostic[]> Run(string json, string name = "appsettings.json") =>
        (await PolicyRun.WithFilesAsync("class C { }", new[] { ("/src/App/" + name, json) }, new PK2001HardcodedCredentialAnalyzer()))
            .Where(d => d.Id == "PK2001").ToArray();

    private static (int Line, int Column) Start(Diagnostic d)
    {
        var p = d.Location.GetLineSpan().StartLinePosition;
        return (p.Line + 1, p.Character + 1);
    }

    [Fact]
    public async Task Flags_a_connection_string_with_a_password()
    {
        var diagnostic = Assert.Single(await Run("""
            {
              "ConnectionStrings": {
                "Default": "Server=db.contoso.local;Database=Shop;User Id=shop;Password=Sh0p!2024;"
              }
            }
            """));

        Assert.Equal((3, 16), Start(diagnostic));
        Assert.Equal("/src/App/appsettings.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("ConnectionStrings:Default", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_jwt_keys_api_keys_and_smtp_passwords_in_environment_files()
    {
        var diagnostics = await Run("""
            {
              // comments and trailing commas are allowed in appsettings files
              "Jwt": { "Key": "b3f1c9a0e5d24c7f8a6b2d1e0f9c8b7a", "Issuer": "https://shop.contoso.example" },
              "Payment": { "ApiKey": "sk_live_51HxY2pLkq0" },
              "Smtp": { "Host": "smtp.contoso.example", "UserName": "shop", "Password": "mail-P@ss1" },
            }
            """, "appsettings.Production.json");

        Assert.Equal(3, diagnostics.Length);
        Assert.Equal(new[] { 3, 4, 5 }, diagnostics.Select(d => Start(d).Line).OrderBy(l => l));
    }

    [Fact]
    public async Task Flags_a_connection_string_with_a_password_under_any_key()
    {
        Assert.Single(await Run("""{ "Db": "Host=pg;Username=app;Pwd=p0stgres!;Database=shop" }"""));
    }

    [Fact]
    public async Task Ignores_placeholders_empty_values_and_connection_strings_without_passwords()
    {
        Assert.Empty(await Run("""
            {
              "ConnectionStrings": {
                "Default": "Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True;",
                "Reporting": "Server=db;Database=Reports;User Id=report;Password=${REPORT_DB_PASSWORD};",
                "Azure": "Server=tcp:x.database.windows.net;Authentication=Active Directory Default;"
              },
              "Jwt": { "Key": "", "Issuer": "shop" },
              "Smtp": { "Password": "<set in user secrets>" },
              "PasswordPolicy": { "RequiredLength": 12 },
              "Labels": { "Password": "Password" },
              "TokenLifetimeMinutes": "30"
            }
            """));
    }

    [Fact]
    public async Task Ignores_json_files_that_are_not_settings_and_broken_settings_files()
    {
        Assert.Empty(await Run("""{ "Password": "Sh0p!2024" }""", "launchSettings.json"));
        Assert.Empty(await Run("""{ "Password": "Sh0p!2024" """));
    }
}
