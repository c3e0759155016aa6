using System.Resources;

namespace PolicyKit.Analyzers;

/// <summary>Access to <c>Resources.resx</c> and its Japanese satellite <c>Resources.ja.resx</c>.</summary>
internal static class Resources
{
    public static ResourceManager ResourceManager { get; } = new("PolicyKit.Analyzers.Resources", typeof(Resources).Assembly);
}
