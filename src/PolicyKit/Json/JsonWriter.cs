using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyKit.Json;

/// <summary>
/// Writes JSON in one stable layout: two-space indentation, <c>\n</c> line ends, one member per line, arrays of
/// scalars on one line, non-ASCII text as is, a final newline. Callers decide the key order.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder output = new();
    private readonly Stack<Frame> frames = new();
    private bool pendingName;

    private enum FrameKind
    {
        Object,
        Array,
        InlineArray,
    }

    /// <summary>Starts an object (as a value, an array item, or after <see cref="WriteName"/>).</summary>
    public void StartObject()
    {
        BeforeValue();
        output.Append('{');
        frames.Push(new Frame(FrameKind.Object));
    }

    /// <summary>Ends the current object.</summary>
    public void EndObject()
    {
        var frame = frames.Pop();
        if (frame.Count > 0)
        {
            NewLine(frames.Count);
        }

        output.Append('}');
    }

    /// <summary>Starts an array. Inline arrays are written on one line and should only hold scalars.</summary>
    /// <param name="inline">Whether to keep the array on one line.</param>
    public void StartArray(bool inline)
    {
        BeforeValue();
        output.Append('[');
        frames.Push(new Frame(inline ? FrameKind.InlineArray : FrameKind.Array));
    }

    /// <summary>Ends the current array.</summary>
    public void EndArray()
    {
        var frame = frames.Pop();
        if (frame.Kind == FrameKind.Array && frame.Count > 0)
        {
            NewLine(frames.Count);
        }

        output.Append(']');
    }

    /// <summary>Writes a property name; the next call writes its value.</summary>
    /// <param name="name">The key.</param>
    public void WriteName(string name)
    {
        var frame = frames.Peek();
        if (frame.Count > 0)
        {
            output.Append(',');
        }

        frame.Count++;
        NewLine(frames.Count);
        AppendString(output, name);
        output.Append(": ");
        pendingName = true;
    }

    /// <summary>Writes a string value, or <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    public void WriteString(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            output.Append("null");
        }
        else
        {
            AppendString(output, value);
        }
    }

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteNumber(long value)
    {
        BeforeValue();
        output.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a number in its shortest round-trip form.</summary>
    /// <param name="value">A finite value.</param>
    public void WriteNumber(double value)
    {
        BeforeValue();
        output.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value)
    {
        BeforeValue();
        output.Append(value ? "true" : "false");
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNull()
    {
        BeforeValue();
        output.Append("null");
    }

    /// <summary>The text written so far, with a final newline.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => output.ToString() + "\n";

    /// <summary>Appends <paramref name="value"/> as a JSON string literal: only <c>"</c>, <c>\</c> and control
    /// characters are escaped, so the output is stable and readable.</summary>
    /// <param name="builder">Where to write.</param>
    /// <param name="value">The text.</param>
    public static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private void BeforeValue()
    {
        if (pendingName)
        {
            pendingName = false;
            return;
        }

        if (frames.Count == 0)
        {
            return;
        }

        var frame = frames.Peek();
        if (frame.Count > 0)
        {
            output.Append(frame.Kind == FrameKind.InlineArray ? ", " : ",");
        }

        frame.Count++;
        if (frame.Kind != FrameKind.InlineArray)
        {
            NewLine(frames.Count);
        }
    }

    private void NewLine(int depth)
    {
        output.Append('\n');
        output.Append(' ', depth * 2);
    }

    private sealed class Frame
    {
        public Frame(FrameKind kind) => Kind = kind;

        public FrameKind Kind { get; }

        public int Count { get; set; }
    }
}
