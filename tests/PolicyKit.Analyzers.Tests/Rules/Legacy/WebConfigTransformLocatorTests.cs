using System.Threading;
using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK6001WebConfigAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>
/// <c>xdt:Locator</c> forms in <c>Web.Release.config</c>: <c>XPath(…)</c> with absolute and descendant paths and
/// attribute predicates, and <c>Condition(…)</c> with <c>or</c>. A locator that cannot be read selects nothing, so the
/// base value is still judged.
/// </summary>
public sealed class WebConfigTransformLocatorTests
{
    private const string Transform = "http://schemas.microsoft.com/XML-Document-Transform";

    private const string FlawedBase = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <connectionStrings>
            <add name="Shop" connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!" providerName="System.Data.SqlClient" />
          </connectionStrings>
          <system.web>
            <httpCookies requireSSL="true" httpOnlyCookies="true" />
            <compilation debug="true" targetFramework="4.8" />
            <customErrors mode="Off" />
            <trace enabled="true" localOnly="false" />
          </system.web>
        </configuration>
        """;

    private static Task Run(string webConfig, string release)
    {
        var test = Verify.Create("public class Startup { }");
        test.TestState.AdditionalFiles.Add(("/0/Web.config", webConfig));
        test.TestState.AdditionalFiles.Add(("/0/Web.Release.config", release));
        return test.RunAsync(CancellationToken.None);
    }

    private static string Release(string inner) => $"""
        <?xml version="1.0"?>
        <configuration xmlns:xdt="{Transform}">
          {inner}
        </configuration>
        """;

    private static string Marked(params (string Plain, string Marked)[] marks)
    {
        var text = FlawedBase;
        foreach (var (plain, marked) in marks)
        {
            text = text.Replace(plain, marked);
        }

        return text;
    }

    private const string AllFixed = """
        <connectionStrings>
          <add connectionString="Server=db;Database=Shop;Integrated Security=true" xdt:Transform="SetAttributes(connectionString)" xdt:Locator="XPath(/configuration/connectionStrings/add[@name='Shop'])" />
        </connectionStrings>
        <system.web>
          <compilation xdt:Transform="RemoveAttributes(debug)" xdt:Locator="XPath(/configuration/system.web/compilation)" />
          <customErrors mode="RemoteOnly" xdt:Transform="SetAttributes(mode)" xdt:Locator="XPath(//customErrors)" />
          <trace xdt:Transform="Remove" xdt:Locator="XPath(/configuration/system.web/trace[@enabled='true'])" />
        </system.web>
        """;

    [Fact]
    public Task Ignores_flaws_fixed_by_xpath_locators() => Run(FlawedBase, Release(AllFixed));

    [Fact]
    public Task Flags_a_connection_string_an_xpath_predicate_does_not_select() => Run(
        Marked(("""connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!" """, """{|PK6005:connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!"|} """)),
        Release(AllFixed.Replace("@name='Shop'", "@name='Reporting'")));

    [Fact]
    public Task Flags_what_an_xpath_locator_with_a_position_cannot_be_trusted_to_fix() => Run(
        Marked(("""debug="true" """, """{|PK6001:debug="true"|} """)),
        Release(AllFixed.Replace("XPath(/configuration/system.web/compilation)", "XPath(/configuration/system.web/compilation[1])")));

    [Fact]
    public Task Flags_what_an_xpath_function_cannot_be_trusted_to_fix() => Run(
        Marked(("""mode="Off" """, """{|PK6001:mode="Off"|} """)),
        Release(AllFixed.Replace("XPath(//customErrors)", "XPath(//*[local-name()='customErrors'])")));

    [Fact]
    public Task Flags_a_flaw_an_xpath_locator_brings_back() => Run(
        FlawedBase.Replace("""debug="true" """, "").Replace("""mode="Off" """, """mode="RemoteOnly" """).Replace("""<trace enabled="true" localOnly="false" />""", "")
            .Replace("Password=Sh0pP@ss!", "Integrated Security=true"),
        Release("""
            <system.web>
              <customErrors {|PK6001:mode="Off"|} xdt:Transform="SetAttributes(mode)" xdt:Locator="XPath(/configuration/system.web/customErrors)" />
            </system.web>
            """));

    [Fact]
    public Task Ignores_a_connection_string_fixed_through_a_condition_with_or() => Run(
        FlawedBase.Replace("""debug="true" """, "").Replace("""mode="Off" """, """mode="RemoteOnly" """).Replace("""<trace enabled="true" localOnly="false" />""", ""),
        Release("""
            <connectionStrings>
              <add connectionString="Server=db;Integrated Security=true" xdt:Transform="SetAttributes(connectionString)" xdt:Locator="Condition(@name='Reporting' or @providerName='System.Data.SqlClient')" />
            </connectionStrings>
            """));

    [Fact]
    public Task Flags_a_connection_string_a_condition_with_not_equal_excludes() => Run(
        FlawedBase.Replace("""debug="true" """, "").Replace("""mode="Off" """, """mode="RemoteOnly" """).Replace("""<trace enabled="true" localOnly="false" />""", "")
            .Replace("""connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!" """, """{|PK6005:connectionString="Server=db;Database=Shop;User Id=shop;Password=Sh0pP@ss!"|} """),
        Release("""
            <connectionStrings>
              <add connectionString="Server=db;Integrated Security=true" xdt:Transform="SetAttributes(connectionString)" xdt:Locator="Condition(@name!='Shop')" />
            </connectionStrings>
            """));
}
