using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK6001WebConfigAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>
/// PK6001–PK6008 over Web.config/App.config AdditionalFiles: markup in the config text marks exactly the reported
/// attribute (<c>{|PK6001:debug="true"|}</c>) or element name. Transforms ride along as <c>Web.Release.config</c>.
/// </summary>
public sealed class PK6001WebConfigTests
{
    private const string Code = "public class Startup { }";

    private static Task Run(string webConfig, string? policy = null, string? release = null, string fileName = "Web.config", string? debug = null)
    {
        var test = Verify.Create(Code, policy);
        test.TestState.AdditionalFiles.Add(("/0/" + fileName, webConfig));
        if (release is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/Web.Release.config", release));
        }

        if (debug is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/Web.Debug.config", debug));
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A complete, sound system.web around <paramref name="inner"/>, so that only the shape under test is judged.</summary>
    private static string Web(string inner, string outer = "") => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <httpCookies requireSSL="true" httpOnlyCookies="true" />
            {{inner}}
          </system.web>
          {{outer}}
        </configuration>
        """;

    // ---- PK6001 error details ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("""<customErrors {|PK6001:mode="Off"|} />""")]
    [InlineData("""<customErrors {|PK6001:mode="off"|} defaultRedirect="~/Error" />""")]
    [InlineData("""<compilation {|PK6001:debug="true"|} targetFramework="4.8" />""")]
    [InlineData("""<compilation targetFramework="4.8" {|PK6001:debug="True"|} />""")]
    [InlineData("""<trace {|PK6001:enabled="true"|} localOnly="false" />""")]
    [InlineData("""<trace {|PK6001:enabled="true"|} pageOutput="true" />""")]
    public Task Flags_error_details(string inner) => Run(Web(inner));

    [Fact]
    public Task Flags_iis_detailed_errors() => Run(Web("", """<system.webServer><httpErrors {|PK6001:errorMode="Detailed"|} /></system.webServer>"""));

    [Theory]
    [InlineData("""<customErrors mode="RemoteOnly" />""")]
    [InlineData("""<customErrors mode="On" defaultRedirect="~/Error" />""")]
    [InlineData("""<compilation debug="false" targetFramework="4.8" />""")]
    [InlineData("""<compilation targetFramework="4.8" />""")]
    [InlineData("""<trace enabled="true" />""")]
    [InlineData("""<trace enabled="false" localOnly="false" pageOutput="true" />""")]
    public Task Ignores_safe_error_settings(string inner) => Run(Web(inner));

    [Fact]
    public Task Reports_the_exact_line_and_column_and_the_configuration()
    {
        var test = Verify.Create(Code);
        test.TestState.AdditionalFiles.Add(("/0/Web.config", "<configuration>\n  <system.web>\n    <httpCookies requireSSL=\"true\" httpOnlyCookies=\"true\" />\n    <compilation debug=\"true\" />\n  </system.web>\n</configuration>\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK6001").WithSpan("/0/Web.config", 4, 18, 4, 30)
            .WithArguments("compilation debug", "Web.config", "true", "false", "MIC-39"));
        return test.RunAsync(CancellationToken.None);
    }

    // ---- transforms ---------------------------------------------------------------------------------------------

    private const string Release = """
        <?xml version="1.0"?>
        <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
          <system.web>
            <compilation xdt:Transform="RemoveAttributes(debug)" />
            <customErrors mode="RemoteOnly" xdt:Transform="SetAttributes(mode)" />
          </system.web>
        </configuration>
        """;

    [Fact]
    public Task Ignores_flaws_the_release_transform_fixes() =>
        Run(Web("""<compilation debug="true" targetFramework="4.8" /><customErrors mode="Off" />"""), release: Release);

    [Fact]
    public Task Ignores_the_debug_transform_when_a_release_transform_fixes_the_flaw() =>
        Run(Web("""<compilation debug="true" targetFramework="4.8" /><customErrors mode="Off" />"""), release: Release,
            debug: """<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform" />""");

    [Fact]
    public Task Flags_a_flaw_the_release_transform_keeps_at_the_base_line_naming_the_transform()
    {
        var test = Verify.Create(Code);
        test.TestState.AdditionalFiles.Add(("/0/Web.config", Web("""<compilation debug="true" targetFramework="4.8" /><customErrors {|#0:mode="Off"|} />""")));
        test.TestState.AdditionalFiles.Add(("/0/Web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web><compilation xdt:Transform="RemoveAttributes(debug)" /></system.web>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK6001").WithLocation(0).WithArguments("customErrors mode", "Web.Release.config", "Off", "RemoteOnly or On", "MIC-39"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_a_flaw_the_release_transform_brings_back_at_the_transform_line() =>
        Run(Web("""<customErrors mode="RemoteOnly" />"""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web>
                <customErrors {|PK6001:mode="Off"|} xdt:Transform="SetAttributes" />
              </system.web>
            </configuration>
            """);

    [Fact]
    public Task Flags_a_replaced_element_that_is_worse() =>
        Run(Web("""<httpRuntime targetFramework="4.8" />"""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web>
                <httpRuntime targetFramework="4.8" {|PK6007:enableHeaderChecking="false"|} xdt:Transform="Replace" />
              </system.web>
            </configuration>
            """);

    [Fact]
    public Task Ignores_a_removed_element() =>
        Run(Web("""<trace enabled="true" localOnly="false" />"""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web><trace xdt:Transform="Remove" /></system.web>
            </configuration>
            """);

    [Fact]
    public Task Flags_an_inserted_element() =>
        Run(Web(""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web><machineKey {|PK6004:validationKey="A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90"|} validation="HMACSHA256" xdt:Transform="Insert" /></system.web>
            </configuration>
            """);

    [Fact]
    public Task Ignores_a_connection_string_replaced_by_match_locator() =>
        Run(Web("", """<connectionStrings><add name="Shop" connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!" /></connectionStrings>"""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <connectionStrings>
                <add name="Shop" connectionString="Server=db;Database=Shop;Integrated Security=true" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />
              </connectionStrings>
            </configuration>
            """);

    [Fact]
    public Task Flags_a_connection_string_the_locator_does_not_match() =>
        Run(Web("", """<connectionStrings><add name="Shop" {|PK6005:connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!"|} /></connectionStrings>"""), release: """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <connectionStrings>
                <add name="Reporting" connectionString="Server=db;Integrated Security=true" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />
              </connectionStrings>
            </configuration>
            """);

    // ---- PK6002 cookie flags -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""<configuration><system.web><httpCookies {|PK6002:requireSSL="false"|} httpOnlyCookies="true" /></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" {|PK6002:httpOnlyCookies="false"|} /></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><{|PK6002:httpCookies|} httpOnlyCookies="true" /></system.web></configuration>""")]
    [InlineData("""<configuration><{|PK6002:{|PK6002:system.web|}|}><compilation targetFramework="4.8" /></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /><authentication mode="Forms"><forms loginUrl="~/Login" {|PK6002:requireSSL="false"|} /></authentication></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /><authentication mode="Forms"><{|PK6002:forms|} loginUrl="~/Login" /></authentication></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /><authentication mode="Forms"><forms requireSSL="true" {|PK6002:protection="None"|} /></authentication></system.web></configuration>""")]
    public Task Flags_cookie_flags(string config) => Run(config);

    [Theory]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="TRUE" httpOnlyCookies="True" /><authentication mode="Forms"><forms requireSSL="true" protection="All" /></authentication></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /><authentication mode="Windows" /></system.web></configuration>""")]
    [InlineData("""<configuration><appSettings><add key="Theme" value="blue" /></appSettings></configuration>""")]
    [InlineData("""<configuration><location path="Help"><system.web><authorization><allow users="*" /></authorization></system.web></location><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /></system.web></configuration>""")]
    [InlineData("""<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /><authentication mode="Forms"><forms requireSSL="true" /></authentication></system.web></configuration>""")]
    public Task Ignores_sound_cookie_flags(string config) => Run(config);

    [Fact]
    public Task Ignores_missing_secure_flag_when_the_policy_does_not_require_it() =>
        Run("""<configuration><system.web><httpCookies httpOnlyCookies="true" /></system.web></configuration>""",
            policy: """{ "session": { "cookie": { "secure": false } } }""");

    // ---- PK6003 session lifetime ---------------------------------------------------------------------------------

    private const string Idle15 = """{ "session": { "idleTimeoutMinutes": 15 } }""";

    [Theory]
    [InlineData("""<sessionState {|PK6003:timeout="120"|} />""", null)]
    [InlineData("""<{|PK6003:sessionState|} mode="InProc" />""", Idle15)]
    [InlineData("""<sessionState timeout="10" {|PK6003:cookieless="UseUri"|} />""", null)]
    [InlineData("""<sessionState timeout="10" {|PK6003:cookieless="true"|} />""", null)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" {|PK6003:timeout="480"|} /></authentication>""", null)]
    [InlineData("""<authentication mode="Forms"><{|PK6003:forms|} requireSSL="true" /></authentication>""", Idle15)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" timeout="10" {|PK6003:cookieless="UseUri"|} /></authentication>""", null)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" timeout="10" {|PK6003:slidingExpiration="true"|} /></authentication>""", """{ "session": { "slidingExpirationAllowed": false } }""")]
    public Task Flags_session_lifetime(string inner, string? policy) => Run(Web(inner), policy);

    [Theory]
    [InlineData("""<sessionState timeout="20" />""", null)]
    [InlineData("""<sessionState mode="InProc" />""", null)]
    [InlineData("""<sessionState timeout="120" mode="Off" />""", null)]
    [InlineData("""<sessionState timeout="15" cookieless="UseCookies" />""", Idle15)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" timeout="15" /></authentication>""", Idle15)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" /></authentication>""", null)]
    [InlineData("""<authentication mode="Forms"><forms requireSSL="true" timeout="480" slidingExpiration="false" /></authentication>""", """{ "session": { "idleTimeoutMinutes": 15, "absoluteTimeoutMinutes": 480 } }""")]
    public Task Ignores_session_lifetime_within_the_policy(string inner, string? policy) => Run(Web(inner), policy);

    // ---- PK6004 machine key --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""<machineKey {|PK6004:validationKey="56AB7132992003EE87F74AE4D9675D65EED8018D3528C0B8874905B51940DEAF6B85F1D922D19AB8F69781B2326A2F978A064708822FD8C54ED74CADF8592E17"|} validation="SHA1" />""")]
    [InlineData("""<machineKey validationKey="AutoGenerate,IsolateApps" {|PK6004:decryptionKey="ABAA84D7EC4BB56D75D217CECFFB9628809BDB8BF91CFCD64568A145BE59719F"|} />""")]
    [InlineData("""<machineKey {|PK6004:validationKey="0123456789ABCDEF0123456789ABCDEF"|} {|PK6004:decryptionKey="0123456789ABCDEF0123456789ABCDEF"|} validation="HMACSHA256" decryption="AES" />""")]
    [InlineData("""<machineKey decryption="AES" {|PK6004:decryptionKey="F1E2D3C4B5A6978877665544332211000F1E2D3C4B5A6978"|} />""")]
    [InlineData("""<machineKey validation="HMACSHA512" {|PK6004:validationKey="deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef"|} />""")]
    [InlineData("""<machineKey compatibilityMode="Framework45" {|PK6004:validationKey="C50B3C89CB21F4F1422FF158A5B42D0E8DB8CB5CDA1742572A487D9401E3400267682B202B746511891C1BAF47F8D25C07F6C39A104696DB51F17C529AD3CABE"|} />""")]
    public Task Flags_literal_machine_keys(string inner) => Run(Web(inner));

    [Theory]
    [InlineData("""<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />""")]
    [InlineData("""<machineKey validation="HMACSHA256" decryption="AES" />""")]
    [InlineData("""<machineKey validationKey="" />""")]
    [InlineData("""<machineKey validationKey="#{MachineValidationKey}" decryptionKey="#{MachineDecryptionKey}" />""")]
    [InlineData("""<machineKey validationKey="__VALIDATION_KEY__" />""")]
    [InlineData("""<machineKey validationKey="AutoGenerate" />""")]
    public Task Ignores_generated_or_provisioned_machine_keys(string inner) => Run(Web(inner));

    // ---- PK6005 secrets ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""<connectionStrings><add name="Shop" {|PK6005:connectionString="Data Source=db01;Initial Catalog=Shop;User ID=sa;Password=P@ssw0rd"|} providerName="System.Data.SqlClient" /></connectionStrings>""")]
    [InlineData("""<connectionStrings><add name="Legacy" {|PK6005:connectionString="Provider=SQLOLEDB;Server=db;Uid=app;Pwd=vendor123;"|} /></connectionStrings>""")]
    [InlineData("""<connectionStrings><add name="Ora" {|PK6005:connectionString="Data Source=ORCL;User Id=scott;password='tiger'"|} /></connectionStrings>""")]
    [InlineData("""<appSettings><add key="SmtpPassword" {|PK6005:value="mail!2019"|} /></appSettings>""")]
    [InlineData("""<appSettings><add key="PaymentApiKey" {|PK6005:value="sk_live_4eC39HqLyjWDarjtT1zdp7dc"|} /></appSettings>""")]
    [InlineData("""<appSettings><add key="Jwt:Secret" {|PK6005:value="my-super-secret-signing-key-1234"|} /></appSettings>""")]
    [InlineData("""<appSettings><add key="Notifications:ServerKey" {|PK6005:value="AAAAq7Lz0Xk:APA91bE5tR8mQw2"|} /></appSettings>""")]
    [InlineData("""<appSettings><add key="Geo.LicenseKey" {|PK6005:value="9fK2mQ7xLw4Zr8Tb"|} /></appSettings>""")]
    public Task Flags_secrets_in_configuration(string outer) => Run(Web("", outer));

    [Fact]
    public Task Flags_secrets_in_app_config() =>
        Run("""<configuration><connectionStrings><add name="Batch" {|PK6005:connectionString="Server=db;Database=Batch;User Id=batch;Password=b@tch"|} /></connectionStrings></configuration>""", fileName: "App.config");

    [Theory]
    [InlineData("""<connectionStrings><add name="Shop" connectionString="Data Source=db01;Initial Catalog=Shop;Integrated Security=True" /></connectionStrings>""")]
    [InlineData("""<connectionStrings><add name="Shop" connectionString="Server=db;User Id=app;Password=;" /></connectionStrings>""")]
    [InlineData("""<connectionStrings><add name="Shop" connectionString="Server=db;User Id=app;Password=${DB_PASSWORD}" /></connectionStrings>""")]
    [InlineData("""<appSettings><add key="PasswordMinLength" value="12" /></appSettings>""")]
    [InlineData("""<appSettings><add key="SmtpPassword" value="" /></appSettings>""")]
    [InlineData("""<appSettings><add key="ApiKey" value="your-api-key-here" /></appSettings>""")]
    [InlineData("""<appSettings><add key="Cache:Key" value="catalog-products-v2" /></appSettings>""")]
    [InlineData("""<appSettings><add key="ApplicationInsights:InstrumentationKey" value="0b6f3c1e-2d4a-4c9b-9f1e-7a2b3c4d5e6f" /></appSettings>""")]
    [InlineData("""<appSettings><add key="Reports:FolderKey" value="/App_Data/Reports2024" /></appSettings>""")]
    [InlineData("""<appSettings><add key="Session:PartitionKey" value="TenantRegionShard01" /></appSettings>""")]
    public Task Ignores_configuration_without_literal_secrets(string outer) => Run(Web("", outer));

    // ---- PK6006 anonymous access -----------------------------------------------------------------------------------

    private static string Location(string path, string rules) =>
        Web("", $"""<location path="{path}"><system.web><authorization>{rules}</authorization></system.web></location>""");

    [Theory]
    [InlineData("Admin", """<allow {|PK6006:users="?"|} />""")]
    [InlineData("admin/users.aspx", """<allow {|PK6006:users="*"|} />""")]
    [InlineData("Manage", """<allow {|PK6006:users="?,*"|} /><deny users="?" />""")]
    [InlineData("Secure/Reports", """<allow roles="Staff" /><allow {|PK6006:users="*"|} />""")]
    [InlineData("elmah.axd", """<allow {|PK6006:users="*"|} />""")]
    [InlineData("Dashboard.aspx", """<allow {|PK6006:users="?"|} />""")]
    public Task Flags_anonymous_access_to_protected_locations(string path, string rules) => Run(Location(path, rules));

    [Fact]
    public Task Flags_iis_url_authorization_allowing_everyone() =>
        Run(Web("", """<location path="Admin"><system.webServer><security><authorization><add accessType="Allow" {|PK6006:users="*"|} /></authorization></security></system.webServer></location>"""));

    [Theory]
    [InlineData("Admin", """<deny users="?" /><allow users="*" />""")]
    [InlineData("Admin", """<allow roles="Administrators" /><deny users="*" />""")]
    [InlineData("Login.aspx", """<allow users="*" />""")]
    [InlineData("Content", """<allow users="?" />""")]
    [InlineData("Account/Register", """<allow users="?" />""")]
    [InlineData("Administration", """<allow users="admin" /><deny users="*" />""")]
    public Task Ignores_authorization_that_keeps_protected_locations_closed(string path, string rules) => Run(Location(path, rules));

    // ---- PK6007 request validation --------------------------------------------------------------------------------

    [Theory]
    [InlineData("""<pages {|PK6007:validateRequest="false"|} />""")]
    [InlineData("""<httpRuntime targetFramework="4.8" {|PK6007:requestValidationMode="2.0"|} />""")]
    [InlineData("""<httpRuntime targetFramework="4.8" {|PK6007:enableHeaderChecking="false"|} />""")]
    [InlineData("""<httpRuntime {|PK6007:targetFramework="4.0"|} />""")]
    [InlineData("""<pages {|PK6007:enableViewStateMac="false"|} />""")]
    [InlineData("""<pages {|PK6007:enableEventValidation="false"|} />""")]
    public Task Flags_request_validation_turned_off(string inner) => Run(Web(inner));

    [Theory]
    [InlineData("""<pages validateRequest="true" />""")]
    [InlineData("""<httpRuntime targetFramework="4.8" requestValidationMode="4.5" />""")]
    [InlineData("""<httpRuntime targetFramework="4.7.2" enableHeaderChecking="true" />""")]
    [InlineData("""<httpRuntime targetFramework="4.5" />""")]
    [InlineData("""<httpRuntime maxRequestLength="4096" />""")]
    [InlineData("""<pages controlRenderingCompatibilityVersion="4.0" clientIDMode="AutoID" />""")]
    public Task Ignores_request_validation_left_on(string inner) => Run(Web(inner));

    // ---- PK6008 membership passwords --------------------------------------------------------------------------------

    private static string Membership(string add) =>
        Web($"""<membership defaultProvider="Sql"><providers><clear />{add}</providers></membership>""");

    [Theory]
    [InlineData("""<add name="Sql" type="System.Web.Security.SqlMembershipProvider" {|PK6008:minRequiredPasswordLength="6"|} />""", null)]
    [InlineData("""<{|PK6008:add|} name="Sql" type="System.Web.Security.SqlMembershipProvider" />""", null)]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="8" {|PK6008:passwordFormat="Clear"|} />""", null)]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="8" {|PK6008:passwordFormat="Encrypted"|} />""", null)]
    [InlineData("""<add name="Sql" {|PK6008:minRequiredPasswordLength="8"|} />""", """{ "password": { "minimumLength": 12 } }""")]
    [InlineData("""<add name="Sql" {|PK6008:minRequiredPasswordLength="4"|} passwordFormat="Hashed" />""", null)]
    public Task Flags_membership_passwords(string add, string? policy) => Run(Membership(add), policy);

    [Theory]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="8" passwordFormat="Hashed" />""", null)]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="12" />""", """{ "password": { "minimumLength": 12 } }""")]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="15" />""", null)]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="6" />""", """{ "password": { "minimumLength": 6 } }""")]
    [InlineData("""<add name="Sql" minRequiredPasswordLength="10" passwordFormat="hashed" />""", null)]
    [InlineData("", null)]
    public Task Ignores_membership_within_the_policy(string add, string? policy) => Run(Membership(add), policy);
}
