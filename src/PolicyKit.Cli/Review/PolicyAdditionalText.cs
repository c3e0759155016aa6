using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Cli.Review;

/// <summary>The policy handed to the analyzers as the AdditionalFile <c>policykit.json</c>.</summary>
internal sealed class PolicyAdditionalText : AdditionalText
{
    private readonly SourceText text;

    /// <summary>Creates the additional text.</summary>
    /// <param name="path">The path the analyzers see (its file name is <c>policykit.json</c>).</param>
    /// <param name="content">The policy text.</param>
    public PolicyAdditionalText(string path, string content)
    {
        Path = path;
        text = SourceText.From(content);
    }

    /// <inheritdoc/>
    public override string Path { get; }

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
