using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyKit.Json;

/// <summary>
/// A small, strict JSON reader that keeps the location of every value and key. It never throws on input and never
/// recurses deeper than <see cref="JsonParseOptions.MaxDepth"/>; everything wrong is returned as a located
/// <see cref="JsonError"/>.
/// </summary>
public sealed class JsonParser
{
    private readonly string text;
    private readonly JsonParseOptions options;
    private readonly int maxDepth;
    private readonly LineMap lines;
    private readonly List<JsonError> errors = new();
    private int pos;
    private bool failed;

    private JsonParser(string text, JsonParseOptions options)
    {
        this.text = text;
        this.options = options;

        // Recursion is bounded by the depth limit; a caller's larger limit is capped so the stack stays small.
        maxDepth = Math.Max(1, Math.Min(options.MaxDepth, 512));
        lines = new LineMap(text);
    }

    /// <summary>Parses strict JSON with the limits of policykit.json (depth 64, 4 MiB, no comments or trailing commas).</summary>
    /// <param name="text">The JSON text; <see langword="null"/> is read as empty.</param>
    /// <returns>The tree and every error.</returns>
    public static JsonParseResult Parse(string text) => Parse(text, JsonParseOptions.Strict);

    /// <summary>Parses JSON with the given limits and leniency.</summary>
    /// <param name="text">The JSON text; <see langword="null"/> is read as empty.</param>
    /// <param name="options">Limits and leniency.</param>
    /// <returns>The tree and every error.</returns>
    public static JsonParseResult Parse(string text, JsonParseOptions options)
    {
        text ??= string.Empty;
        options ??= JsonParseOptions.Strict;
        var parser = new JsonParser(text, options);
        var root = parser.ParseDocument();
        return new JsonParseResult(root, parser.errors, parser.lines);
    }

    private JsonNode? ParseDocument()
    {
        if (text.Length > options.MaxSize || Encoding.UTF8.GetByteCount(text) > options.MaxSize)
        {
            AddError(JsonErrorKind.TooLarge, 0, 0, $"The text is larger than the limit of {options.MaxSize.ToString(CultureInfo.InvariantCulture)} bytes.");
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            pos = 1;
        }

        SkipTrivia();
        if (failed)
        {
            return null;
        }

        if (pos >= text.Length)
        {
            AddError(JsonErrorKind.Empty, pos, 0, "The text is empty; expected a JSON value.");
            return null;
        }

        var root = ParseValue(0);
        if (failed)
        {
            return null;
        }

        SkipTrivia();
        if (!failed && pos < text.Length)
        {
            AddError(JsonErrorKind.Syntax, pos, 1, $"Unexpected {DescribeChar(pos)} after the end of the JSON value; expected the end of the text.");
            return null;
        }

        return failed ? null : root;
    }

    private JsonNode? ParseValue(int depth)
    {
        if (pos >= text.Length)
        {
            Fail(pos, 0, "Unexpected end of text; expected a value.");
            return null;
        }

        var c = text[pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth + 1);
            case '[':
                return ParseArray(depth + 1);
            case '"':
                return ParseStringNode();
            case '-':
                return ParseNumber();
            default:
                if (c >= '0' && c <= '9')
                {
                    return ParseNumber();
                }

                if (IsWordChar(c))
                {
                    return ParseWord();
                }

                Fail(pos, 1, $"Unexpected {DescribeChar(pos)}; expected a value (object, array, string, number, true, false or null).");
                return null;
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var start = pos;
        if (depth > maxDepth)
        {
            Fail(JsonErrorKind.TooDeep, start, 1, $"Objects and arrays nest deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels.");
            return null;
        }

        var node = NewNode(JsonNodeKind.Object, start);
        var members = new List<JsonMember>();
        pos++;
        SkipTrivia();
        if (Peek() == '}')
        {
            pos++;
            return Finish(node, members);
        }

        while (!failed)
        {
            SkipTrivia();
            if (failed)
            {
                return null;
            }

            if (Peek() != '"')
            {
                Fail(pos, pos < text.Length ? 1 : 0, $"Unexpected {DescribeChar(pos)}; expected a property name in double quotes.");
                return null;
            }

            var keyStart = pos;
            var key = ParseString();
            if (key is null)
            {
                return null;
            }

            var keyLength = pos - keyStart;
            SkipTrivia();
            if (Peek() != ':')
            {
                Fail(pos, pos < text.Length ? 1 : 0, $"Unexpected {DescribeChar(pos)}; expected ':' after the property name \"{key}\".");
                return null;
            }

            pos++;
            SkipTrivia();
            if (failed)
            {
                return null;
            }

            var value = ParseValue(depth);
            if (value is null)
            {
                return null;
            }

            lines.Locate(keyStart, out var keyLine, out var keyColumn);
            if (Contains(members, key))
            {
                errors.Add(new JsonError(JsonErrorKind.DuplicateKey, $"The key \"{key}\" appears more than once in this object; expected each key once.", keyStart, keyLength, keyLine, keyColumn));
            }
            else
            {
                members.Add(new JsonMember(key, keyStart, keyLength, keyLine, keyColumn, value));
            }

            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                var comma = pos;
                pos++;
                SkipTrivia();
                if (Peek() == '}')
                {
                    TrailingComma(comma);
                    pos++;
                    return Finish(node, members);
                }

                continue;
            }

            if (next == '}')
            {
                pos++;
                return Finish(node, members);
            }

            Fail(pos, pos < text.Length ? 1 : 0, $"Unexpected {DescribeChar(pos)}; expected ',' or '}}'.");
        }

        return null;
    }

    private JsonNode? ParseArray(int depth)
    {
        var start = pos;
        if (depth > maxDepth)
        {
            Fail(JsonErrorKind.TooDeep, start, 1, $"Objects and arrays nest deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels.");
            return null;
        }

        var node = NewNode(JsonNodeKind.Array, start);
        var items = new List<JsonNode>();
        pos++;
        SkipTrivia();
        if (Peek() == ']')
        {
            pos++;
            node.Length = pos - start;
            node.Items = items;
            return node;
        }

        while (!failed)
        {
            SkipTrivia();
            if (failed)
            {
                return null;
            }

            var item = ParseValue(depth);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                var comma = pos;
                pos++;
                SkipTrivia();
                if (Peek() == ']')
                {
                    TrailingComma(comma);
                    next = ']';
                }
                else
                {
                    continue;
                }
            }

            if (next == ']')
            {
                pos++;
                node.Length = pos - start;
                node.Items = items;
                return node;
            }

            Fail(pos, pos < text.Length ? 1 : 0, $"Unexpected {DescribeChar(pos)}; expected ',' or ']'.");
        }

        return null;
    }

    private JsonNode? ParseStringNode()
    {
        var start = pos;
        var node = NewNode(JsonNodeKind.String, start);
        var value = ParseString();
        if (value is null)
        {
            return null;
        }

        node.StringValue = value;
        node.Length = pos - start;
        return node;
    }

    private string? ParseString()
    {
        var start = pos;
        pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (pos >= text.Length)
            {
                Fail(start, pos - start, "Unterminated string; expected a closing '\"'.");
                return null;
            }

            var c = text[pos];
            if (c == '"')
            {
                pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (!ParseEscape(builder))
                {
                    return null;
                }

                continue;
            }

            if (c < 0x20)
            {
                Fail(pos, 1, $"Control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} in a string; expected it escaped (e.g. \\n, \\t, \\u000A).");
                return null;
            }

            builder.Append(c);
            pos++;
        }
    }

    private bool ParseEscape(StringBuilder builder)
    {
        var escapeStart = pos;
        pos++;
        if (pos >= text.Length)
        {
            Fail(JsonErrorKind.InvalidEscape, escapeStart, 1, "Unterminated escape sequence; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.");
            return false;
        }

        var e = text[pos];
        pos++;
        switch (e)
        {
            case '"': builder.Append('"'); return true;
            case '\\': builder.Append('\\'); return true;
            case '/': builder.Append('/'); return true;
            case 'b': builder.Append('\b'); return true;
            case 'f': builder.Append('\f'); return true;
            case 'n': builder.Append('\n'); return true;
            case 'r': builder.Append('\r'); return true;
            case 't': builder.Append('\t'); return true;
            case 'u':
                if (!ReadHex4(escapeStart, out var unit))
                {
                    return false;
                }

                if (char.IsHighSurrogate(unit))
                {
                    if (pos + 1 < text.Length && text[pos] == '\\' && text[pos + 1] == 'u')
                    {
                        var lowStart = pos;
                        pos += 2;
                        if (!ReadHex4(lowStart, out var low))
                        {
                            return false;
                        }

                        if (!char.IsLowSurrogate(low))
                        {
                            Fail(JsonErrorKind.InvalidEscape, escapeStart, pos - escapeStart, "A high surrogate escape is followed by a non-low-surrogate; expected a surrogate pair (\\uD800-\\uDBFF then \\uDC00-\\uDFFF).");
                            return false;
                        }

                        builder.Append(unit).Append(low);
                        return true;
                    }

                    Fail(JsonErrorKind.InvalidEscape, escapeStart, pos - escapeStart, "Unpaired high surrogate escape; expected a low surrogate escape (\\uDC00-\\uDFFF) right after it.");
                    return false;
                }

                if (char.IsLowSurrogate(unit))
                {
                    Fail(JsonErrorKind.InvalidEscape, escapeStart, pos - escapeStart, "Unpaired low surrogate escape; expected it to follow a high surrogate escape.");
                    return false;
                }

                builder.Append(unit);
                return true;
            default:
                Fail(JsonErrorKind.InvalidEscape, escapeStart, 2, $"Invalid escape sequence '\\{e}'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.");
                return false;
        }
    }

    private bool ReadHex4(int escapeStart, out char unit)
    {
        unit = '\0';
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = pos < text.Length ? HexValue(text[pos]) : -1;
            if (digit < 0)
            {
                Fail(JsonErrorKind.InvalidEscape, escapeStart, Math.Max(pos - escapeStart, 1), "Invalid \\u escape; expected four hexadecimal digits.");
                return false;
            }

            value = (value * 16) + digit;
            pos++;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    private JsonNode? ParseNumber()
    {
        var start = pos;
        if (Peek() == '-')
        {
            pos++;
        }

        if (pos >= text.Length || !IsDigit(text[pos]))
        {
            Fail(start, Math.Max(pos - start, 1), "Invalid number; expected a digit.");
            return null;
        }

        if (text[pos] == '0')
        {
            pos++;
            if (pos < text.Length && IsDigit(text[pos]))
            {
                Fail(start, pos - start + 1, "Invalid number: leading zeros are not allowed in JSON.");
                return null;
            }
        }
        else
        {
            while (pos < text.Length && IsDigit(text[pos]))
            {
                pos++;
            }
        }

        if (Peek() == '.')
        {
            pos++;
            if (pos >= text.Length || !IsDigit(text[pos]))
            {
                Fail(start, pos - start, "Invalid number; expected a digit after the decimal point.");
                return null;
            }

            while (pos < text.Length && IsDigit(text[pos]))
            {
                pos++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                pos++;
            }

            if (pos >= text.Length || !IsDigit(text[pos]))
            {
                Fail(start, pos - start, "Invalid number; expected a digit in the exponent.");
                return null;
            }

            while (pos < text.Length && IsDigit(text[pos]))
            {
                pos++;
            }
        }

        var node = NewNode(JsonNodeKind.Number, start);
        node.Length = pos - start;
        node.NumberText = text.Substring(start, pos - start);
        var ok = double.TryParse(node.NumberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (!ok || double.IsInfinity(value) || double.IsNaN(value))
        {
            AddError(JsonErrorKind.NumberOutOfRange, start, node.Length, $"The number {node.NumberText} is out of range; expected a finite number.");
        }
        else
        {
            node.NumberValue = value;
        }

        return node;
    }

    private JsonNode? ParseWord()
    {
        var start = pos;
        while (pos < text.Length && IsWordChar(text[pos]))
        {
            pos++;
        }

        var word = text.Substring(start, pos - start);
        JsonNodeKind kind;
        switch (word)
        {
            case "true": kind = JsonNodeKind.True; break;
            case "false": kind = JsonNodeKind.False; break;
            case "null": kind = JsonNodeKind.Null; break;
            case "NaN":
            case "Infinity":
                Fail(JsonErrorKind.NumberOutOfRange, start, word.Length, $"'{word}' is not a JSON number; expected a finite number.");
                return null;
            default:
                Fail(start, word.Length, $"Unexpected '{Shorten(word)}'; expected a value (strings need double quotes; literals are true, false and null).");
                return null;
        }

        var node = NewNode(kind, start);
        node.Length = word.Length;
        return node;
    }

    private void SkipTrivia()
    {
        while (pos < text.Length && !failed)
        {
            var c = text[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                pos++;
                continue;
            }

            if (c == '/' && pos + 1 < text.Length && (text[pos + 1] == '/' || text[pos + 1] == '*'))
            {
                SkipComment();
                continue;
            }

            return;
        }
    }

    private void SkipComment()
    {
        var start = pos;
        if (text[pos + 1] == '/')
        {
            pos += 2;
            while (pos < text.Length && text[pos] != '\n' && text[pos] != '\r')
            {
                pos++;
            }
        }
        else
        {
            var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                Fail(start, text.Length - start, "Unterminated comment; expected '*/'.");
                return;
            }

            pos = end + 2;
        }

        if (!options.AllowComments)
        {
            AddError(JsonErrorKind.Comment, start, pos - start, "Comments are not allowed in this file; expected JSON without comments.");
        }
    }

    private void TrailingComma(int comma)
    {
        if (!options.AllowTrailingCommas)
        {
            AddError(JsonErrorKind.TrailingComma, comma, 1, "Trailing comma; expected another value or no comma before the closing bracket.");
        }
    }

    private JsonNode NewNode(JsonNodeKind kind, int start)
    {
        lines.Locate(start, out var line, out var column);
        return new JsonNode(kind, start, 0, line, column);
    }

    private JsonNode Finish(JsonNode node, List<JsonMember> members)
    {
        node.Length = pos - node.Start;
        node.Members = members;
        return node;
    }

    private static bool Contains(List<JsonMember> members, string key)
    {
        foreach (var member in members)
        {
            if (string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private char Peek() => pos < text.Length ? text[pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static string Shorten(string word) => word.Length <= 20 ? word : word.Substring(0, 20) + "…";

    private string DescribeChar(int at)
    {
        if (at >= text.Length)
        {
            return "end of text";
        }

        var c = text[at];
        return c < 0x20 || c == 0x7F
            ? "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private void Fail(int offset, int length, string message) => Fail(JsonErrorKind.Syntax, offset, length, message);

    private void Fail(JsonErrorKind kind, int offset, int length, string message)
    {
        if (!failed)
        {
            AddError(kind, offset, length, message);
            failed = true;
        }
    }

    private void AddError(JsonErrorKind kind, int offset, int length, string message)
    {
        lines.Locate(offset, out var line, out var column);
        errors.Add(new JsonError(kind, message, offset, length, line, column));
    }
}
