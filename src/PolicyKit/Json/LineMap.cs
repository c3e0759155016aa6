using System.Collections.Generic;

namespace PolicyKit.Json;

/// <summary>Line starts of a text, so that any offset maps to a one-based line and column.</summary>
internal sealed class LineMap
{
    private readonly List<int> starts = new() { 0 };
    private readonly int length;

    public LineMap(string text)
    {
        length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
        }
    }

    public void Locate(int offset, out int line, out int column)
    {
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > length)
        {
            offset = length;
        }

        int low = 0, high = starts.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (starts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        line = low + 1;
        column = offset - starts[low] + 1;
    }
}
