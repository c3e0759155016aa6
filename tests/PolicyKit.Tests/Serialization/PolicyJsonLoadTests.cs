using System.IO;

namespace PolicyKit.Tests.Serialization;

public sealed class PolicyJsonLoadTests
{
    [Fact]
    public void A_missing_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "policykit-missing-" + System.Guid.NewGuid().ToString("N"), "policykit.json");

        var result = PolicyJson.Load(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.FileNotFound, error.Kind);
        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.Location!.FilePath);
        Assert.Null(result.Policy);
    }

    [Fact]
    public void Loads_a_file_and_puts_its_path_into_locations()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ \"password\": { \"minimumLength\": \"x\" } }");

            var result = PolicyJson.Load(path);

            Assert.Equal(path, Assert.Single(result.Errors).Location!.FilePath);
            Assert.NotNull(result.Policy);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Garbage_never_throws()
    {
        foreach (var text in new[] { "\0\0\0", "{\"a\":", "[[[[", "{\"password\":{\"lockout\":[]}}", "{\"waivers\":[1,null,{}]}", "{\"retention\":{\"periods\":{}}}" })
        {
            var result = PolicyJson.Parse(text);
            Assert.NotEmpty(result.Errors);
        }
    }
}
