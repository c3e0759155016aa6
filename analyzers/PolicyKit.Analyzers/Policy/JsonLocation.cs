using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.Policy;

/// <summary>Turns a location inside policykit.json into a Roslyn location (0-based lines and columns).</summary>
internal static class JsonLocation
{
    public static Location Create(string path, SourceText text, PolicyLocation? at)
    {
        var start = at is null ? 0 : Clamp(at.Offset, text.Length);
        var length = at is null ? 0 : Clamp(at.Length, text.Length - start);
        var span = new TextSpan(start, length);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static int Clamp(int value, int maximum) => value < 0 ? 0 : value > maximum ? maximum : value;
}
