namespace PolicyKit.Tests.Model;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("*.cs", "Program.cs", true)]
    [InlineData("*.cs", "src/Program.cs", true)]
    [InlineData("src/*.cs", "src/a/Program.cs", false)]
    [InlineData("src/**", "src/a/b/c.txt", true)]
    [InlineData("src/**/*.cs", "src/a.cs", true)]
    [InlineData("src/?.cs", "src/a.cs", true)]
    [InlineData("src/?.cs", "src/ab.cs", false)]
    [InlineData("src/?.cs", "src//.cs", false)]
    [InlineData("**/bin/**", "x/bin/y", true)]
    [InlineData("/src/*.cs", "repo/src/a.cs", false)]
    [InlineData("SRC/A.CS", "src\\a.cs", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void Matches_globs(string glob, string path, bool expected)
    {
        Assert.Equal(expected, PathGlob.IsMatch(glob, path));
    }

    [Fact]
    public void Anchored_matching_needs_the_whole_path()
    {
        Assert.False(PathGlob.IsMatch("Legacy/*.cs", "src/Legacy/a.cs", anchored: true));
        Assert.True(PathGlob.IsMatch("Legacy/*.cs", "src/Legacy/a.cs"));
    }

    [Fact]
    public void Handles_long_paths_and_many_stars_quickly()
    {
        var path = new string('a', 5000) + "/b.cs";

        Assert.False(PathGlob.IsMatch("*a*a*a*a*a*a*a*a*a*a*a*a*c", path));
        Assert.True(PathGlob.IsMatch("**/*.cs", path));
    }
}
