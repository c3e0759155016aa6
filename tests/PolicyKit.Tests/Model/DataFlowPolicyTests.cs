using System.Linq;

namespace PolicyKit.Tests.Model;

/// <summary>The <c>dataFlow</c> section: read, written back unchanged, validated with JSON paths.</summary>
public sealed class DataFlowPolicyTests
{
    private const string Declared = """
        {
          "dataFlow": {
            "sources": [ { "method": "Acme.Web.RequestReader.Read", "note": "reads the raw query string" } ],
            "sinks": [
              { "method": "Acme.Data.Db.Raw", "parameter": "sql", "kinds": ["sql"] },
              { "method": "Acme.Shell.Runner.#ctor", "parameterIndex": 0, "kinds": ["command"] }
            ],
            "sanitizers": [ { "method": "Acme.Security.Html.Clean", "kinds": ["xss"] } ],
            "guards": [ { "method": "Acme.Security.Paths.IsSafe", "parameter": "path", "kinds": ["path", "redirect"] } ]
          }
        }
        """;

    [Fact]
    public void Reads_sources_sinks_sanitizers_and_guards()
    {
        var result = Fixtures.Parse(Declared);

        Assert.Empty(result.Errors);
        var flow = result.Policy!.DataFlow;
        Assert.Equal("Acme.Web.RequestReader.Read", Assert.Single(flow.Sources).Method);
        Assert.Empty(flow.Sources[0].Kinds);
        Assert.Equal("sql", flow.Sinks[0].Parameter);
        Assert.Equal(new[] { "sql" }, flow.Sinks[0].Kinds);
        Assert.Equal(0, flow.Sinks[1].ParameterIndex);
        Assert.Equal(new[] { "xss" }, Assert.Single(flow.Sanitizers).Kinds);
        Assert.Equal(new[] { "path", "redirect" }, Assert.Single(flow.Guards).Kinds);
    }

    [Fact]
    public void Round_trips_through_the_writer()
    {
        var first = Fixtures.Parse(Declared).Policy!;
        var written = PolicyJson.Write(first);
        var second = Fixtures.Parse(written);

        Assert.Empty(second.Errors);
        Assert.Equal(written, PolicyJson.Write(second.Policy!));
        Assert.Contains("\"dataFlow\"", written);
        Assert.Equal(first.DataFlow.Sinks.Select(s => s.Method), second.Policy!.DataFlow.Sinks.Select(s => s.Method));
    }

    [Fact]
    public void An_empty_policy_writes_no_data_flow_section()
    {
        Assert.True(PolicySet.Empty.DataFlow.IsEmpty);
        Assert.DoesNotContain("dataFlow", PolicyJson.Write(PolicySet.Empty));
    }

    [Theory]
    [InlineData("""{ "dataFlow": { "sinks": [ { "method": "Raw", "kinds": ["sql"] } ] } }""", "dataFlow.sinks[0].method")]
    [InlineData("""{ "dataFlow": { "sinks": [ { "method": "Acme.Data.Db.Raw" } ] } }""", "dataFlow.sinks[0].kinds")]
    [InlineData("""{ "dataFlow": { "sanitizers": [ { "method": "Acme.Html.Clean", "kinds": ["html"] } ] } }""", "dataFlow.sanitizers[0].kinds[0]")]
    [InlineData("""{ "dataFlow": { "guards": [ { "kinds": ["path"] } ] } }""", "dataFlow.guards[0].method")]
    [InlineData("""{ "dataFlow": { "sinks": [ { "method": "Acme.Db.Raw", "kinds": ["sql"], "parameterIndex": -1 } ] } }""", "dataFlow.sinks[0].parameterIndex")]
    [InlineData("""{ "dataFlow": { "sources": [ { "method": "Acme.Web.Reader.Read", "params": "x" } ] } }""", "dataFlow.sources[0].params")]
    [InlineData("""{ "dataFlow": { "sink": [] } }""", "dataFlow.sink")]
    public void Reports_each_error_at_its_json_path(string text, string path)
    {
        var errors = Fixtures.Parse(text).Errors;

        Assert.Contains(errors, e => e.JsonPath == path);
    }
}
