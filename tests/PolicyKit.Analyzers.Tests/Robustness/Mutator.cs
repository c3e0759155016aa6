using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>Deterministic mutations of C# source: token edits, truncation, unbalanced braces, huge and deep constructs.</summary>
internal static class Mutator
{
    public const int Kinds = 9;

    public static string Mutate(string source, int kind, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
        if (tokens.Length == 0)
        {
            return source + "}";
        }

        var token = tokens[random.Next(tokens.Length)];
        switch (kind)
        {
            case 0: // delete a token
                return source.Remove(token.SpanStart, token.Span.Length);
            case 1: // duplicate a token
                return source.Insert(token.SpanStart, token.Text + " ");
            case 2: // swap two adjacent tokens
                var index = Array.IndexOf(tokens, token);
                if (index + 1 >= tokens.Length)
                {
                    return source.Remove(token.SpanStart, token.Span.Length);
                }

                var next = tokens[index + 1];
                return source.Substring(0, token.SpanStart) + next.Text + source.Substring(token.Span.End, next.SpanStart - token.Span.End)
                    + token.Text + source.Substring(next.Span.End);
            case 3: // truncate
                return source.Substring(0, random.Next(source.Length));
            case 4: // unbalanced braces and parentheses
                return source.Insert(token.SpanStart, random.Next(2) == 0 ? "{ ( [" : "} ) ]");
            case 5: // a huge literal where a token was
                return source.Substring(0, token.SpanStart) + "\"" + new string('x', 100_000) + "\"" + source.Substring(token.Span.End);
            case 6: // a deeply nested expression
                return source.Substring(0, token.SpanStart) + new string('(', 300) + token.Text + new string(')', 300) + source.Substring(token.Span.End);
            case 7: // a concatenation of 10,000 parts
                var parts = new StringBuilder("\"select \"");
                for (var i = 0; i < 10_000; i++)
                {
                    parts.Append(" + ").Append(i % 3 == 0 ? "name" : "\"x\"");
                }

                return source.Substring(0, token.SpanStart) + parts + source.Substring(token.Span.End);
            default: // replace an identifier with a keyword or punctuation soup
                return source.Substring(0, token.SpanStart) + (random.Next(2) == 0 ? "catch" : "=> ?? ?.") + source.Substring(token.Span.End);
        }
    }
}
