using System;
using System.IO;
using System.Linq;

namespace PolicyKit.Tests;

/// <summary>The policy the README's run command loads is complete and valid, and says what the sample claims.</summary>
public sealed class SamplePolicyTests
{
    private static string SamplePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyKit.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "samples", "policykit.json");
    }

    [Fact]
    public void The_bundled_sample_policy_is_complete_and_valid()
    {
        var load = PolicyJson.Load(SamplePath());

        Assert.True(load.Errors.Count == 0, string.Join(Environment.NewLine, load.Errors));
        Assert.Equal(15, load.Policy!.Password.MinimumLength);
        Assert.True(load.Policy.Password.ForbidPeriodicChange);
        Assert.Null(load.Policy.Password.MaximumAgeDays);
        Assert.Single(load.Policy.Waivers);
    }

    [Fact]
    public void A_missing_policy_file_is_an_error_that_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "policykit.json");

        var load = PolicyJson.Load(path);

        var error = Assert.Single(load.Errors);
        Assert.Equal(PolicyErrorKind.FileNotFound, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
