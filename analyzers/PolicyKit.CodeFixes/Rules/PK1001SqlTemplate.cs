using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// Rewrites SQL text written as an interpolated string or a <c>"…" + x + "…"</c> chain so that its non-constant holes
/// become parameters. A hole wrapped in SQL quotes (<c>'{name}'</c>, also <c>N'{name}'</c>) loses the quotes; a hole
/// anywhere else inside a quoted SQL literal (<c>'%{x}%'</c>) cannot become a parameter, and nothing is rewritten.
/// </summary>
internal static class SqlTemplate
{
    /// <summary>For EF Core's interpolated APIs: the same interpolated string without the quotes around its holes.</summary>
    public static InterpolatedStringExpressionSyntax? StripQuotesAroundHoles(
        InterpolatedStringExpressionSyntax interpolated, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsRegularOrVerbatim(interpolated))
        {
            return null;
        }

        var contents = interpolated.Contents;
        var result = new List<InterpolatedStringContentSyntax>(contents.Count);
        var quotes = 0;
        var skipLeadingQuote = false;
        for (var i = 0; i < contents.Count; i++)
        {
            switch (contents[i])
            {
                case InterpolatedStringTextSyntax text:
                    var value = text.TextToken.Text;
                    if (skipLeadingQuote)
                    {
                        value = value.Substring(1);
                        skipLeadingQuote = false;
                    }

                    quotes += Count(value, '\'');
                    if (value.Length > 0)
                    {
                        result.Add(TextPart(value));
                    }

                    break;
                case InterpolationSyntax hole:
                    // EF Core turns every hole into a parameter: format clauses are dropped and constant holes
                    // (table names) would stop being SQL, so neither is rewritten.
                    if (hole.AlignmentClause is not null || hole.FormatClause is not null
                        || model.GetConstantValue(hole.Expression, cancellationToken).HasValue)
                    {
                        return null;
                    }

                    var next = i + 1 < contents.Count ? contents[i + 1] as InterpolatedStringTextSyntax : null;
                    if (result.Count > 0 && result[result.Count - 1] is InterpolatedStringTextSyntax previous
                        && previous.TextToken.Text.EndsWith("'", System.StringComparison.Ordinal)
                        && next is not null && next.TextToken.Text.StartsWith("'", System.StringComparison.Ordinal))
                    {
                        var trimmed = TrimOpeningQuote(previous.TextToken.Text);
                        quotes -= 1;
                        result.RemoveAt(result.Count - 1);
                        if (trimmed.Length > 0)
                        {
                            result.Add(TextPart(trimmed));
                        }

                        skipLeadingQuote = true;
                    }
                    else if (quotes % 2 != 0)
                    {
                        return null;
                    }

                    result.Add(hole);
                    break;
            }
        }

        return interpolated.WithContents(SyntaxFactory.List(result));
    }

    /// <summary>
    /// For ADO.NET: the SQL with <c>@name</c> placeholders, and the parameter names with the expressions that fill
    /// them, or null when the text cannot be rewritten safely.
    /// </summary>
    public static ParameterisedSql? Parameterise(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken)
    {
        var segments = new List<object>();
        if (!Split(sql, model, segments, cancellationToken))
        {
            return null;
        }

        var original = new StringBuilder();
        foreach (var segment in segments)
        {
            original.Append(segment as string);
        }

        var output = new List<object>();
        var text = new StringBuilder();
        var parameters = new List<KeyValuePair<string, ExpressionSyntax>>();
        var namesByExpression = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var quotes = 0;
        var skipLeadingQuote = false;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] is string literal)
            {
                if (skipLeadingQuote)
                {
                    literal = literal.Substring(1);
                    skipLeadingQuote = false;
                }

                quotes += Count(literal, '\'');
                text.Append(literal);
                continue;
            }

            var hole = (ExpressionSyntax)segments[i];
            if (model.GetConstantValue(hole, cancellationToken).HasValue)
            {
                Flush(text, output);
                output.Add(hole);
                continue;
            }

            var nextText = i + 1 < segments.Count ? segments[i + 1] as string : null;
            if (text.Length > 0 && text[text.Length - 1] == '\'' && nextText is not null && nextText.StartsWith("'", System.StringComparison.Ordinal))
            {
                var trimmed = TrimOpeningQuote(text.ToString());
                text.Clear().Append(trimmed);
                quotes -= 1;
                skipLeadingQuote = true;
            }
            else if (quotes % 2 != 0)
            {
                return null;
            }

            var key = hole.WithoutTrivia().ToString();
            if (!namesByExpression.TryGetValue(key, out var name))
            {
                name = hole is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : "p" + parameters.Count;
                if (namesByExpression.ContainsValue(name) || original.ToString().IndexOf("@" + name, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    name = "p" + parameters.Count;
                }

                namesByExpression.Add(key, name);
                parameters.Add(new KeyValuePair<string, ExpressionSyntax>(name, hole.WithoutTrivia()));
            }

            text.Append('@').Append(name);
        }

        Flush(text, output);
        return parameters.Count == 0 ? null : new ParameterisedSql(Build(output), parameters);
    }

    private static bool Split(ExpressionSyntax sql, SemanticModel model, List<object> segments, CancellationToken cancellationToken)
    {
        switch (sql)
        {
            case InterpolatedStringExpressionSyntax interpolated when IsRegularOrVerbatim(interpolated):
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        segments.Add(text.TextToken.ValueText);
                    }
                    else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)
                    {
                        segments.Add(hole.Expression);
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Flatten(binary, model, segments, cancellationToken);
            default:
                return false;
        }
    }

    private static bool Flatten(ExpressionSyntax expression, SemanticModel model, List<object> segments, CancellationToken cancellationToken)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
            && model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String)
        {
            var left = model.GetTypeInfo(binary.Left, cancellationToken).Type?.SpecialType == SpecialType.System_String
                ? Flatten(binary.Left, model, segments, cancellationToken)
                : Piece(binary.Left, segments);
            return left && Piece(binary.Right, segments);
        }

        return Piece(expression, segments);
    }

    private static bool Piece(ExpressionSyntax expression, List<object> segments)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.CharacterLiteralExpression):
                segments.Add(literal.Token.ValueText);
                return true;
            case InterpolatedStringExpressionSyntax:
            case LiteralExpressionSyntax:
                return false;
            default:
                segments.Add(expression);
                return true;
        }
    }

    private static void Flush(StringBuilder text, List<object> output)
    {
        if (text.Length > 0)
        {
            output.Add(text.ToString());
            text.Clear();
        }
    }

    private static ExpressionSyntax Build(List<object> output)
    {
        var hasHoles = false;
        var plain = new StringBuilder();
        foreach (var part in output)
        {
            hasHoles |= part is ExpressionSyntax;
            plain.Append(part as string);
        }

        if (!hasHoles)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(plain.ToString()));
        }

        // Constant holes (a const table name) stay holes: the string stays constant where it was constant.
        var source = new StringBuilder("$\"");
        foreach (var part in output)
        {
            if (part is string text)
            {
                var quoted = SyntaxFactory.Literal(text).Text;
                source.Append(quoted.Substring(1, quoted.Length - 2).Replace("{", "{{").Replace("}", "}}"));
            }
            else
            {
                source.Append('{').Append(((ExpressionSyntax)part).WithoutTrivia().ToString()).Append('}');
            }
        }

        return SyntaxFactory.ParseExpression(source.Append('"').ToString());
    }

    private static bool IsRegularOrVerbatim(InterpolatedStringExpressionSyntax interpolated) =>
        interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
        || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);

    /// <summary>Removes the quote that opens a SQL literal, and an <c>N</c> (Unicode literal) prefix before it.</summary>
    private static string TrimOpeningQuote(string text)
    {
        var trimmed = text.Substring(0, text.Length - 1);
        if (trimmed.Length > 0 && (trimmed[trimmed.Length - 1] == 'N' || trimmed[trimmed.Length - 1] == 'n')
            && (trimmed.Length == 1 || !char.IsLetterOrDigit(trimmed[trimmed.Length - 2]) && trimmed[trimmed.Length - 2] != '_'))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 1);
        }

        return trimmed;
    }

    private static InterpolatedStringTextSyntax TextPart(string text) =>
        SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, text, text, default));

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ch == c)
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>SQL text with placeholders, and the values to bind to them.</summary>
internal sealed class ParameterisedSql
{
    public ParameterisedSql(ExpressionSyntax sql, List<KeyValuePair<string, ExpressionSyntax>> parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    public ExpressionSyntax Sql { get; }

    /// <summary>Parameter name (without <c>@</c>) and the expression that fills it, in order of appearance.</summary>
    public List<KeyValuePair<string, ExpressionSyntax>> Parameters { get; }
}
