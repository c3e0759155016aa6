using System;
using System.IO;
using PolicyKit.Json;

namespace PolicyKit.Tests.Serialization;

public sealed class SchemaFileTests
{
    [Fact]
    public void The_checked_in_schema_matches_the_reader()
    {
        var generated = PolicyJsonSchema.Generate();
        var path = Path.Combine(RepositoryRoot(), "schema", "policykit.schema.json");
        if (Environment.GetEnvironmentVariable("POLICYKIT_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(JsonParser.Parse(generated).Success);
        Assert.Equal(generated, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "PolicyKit.sln")))
        {
            directory = Path.GetDirectoryName(directory)!;
        }

        return directory;
    }
}
