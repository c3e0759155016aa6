namespace PolicyKit;

/// <summary>
/// Path globs: <c>**</c> any number of segments, <c>*</c> any characters within a segment, <c>?</c> one character
/// within a segment. <c>/</c> and <c>\</c> are the same separator; letters compare without regard to case.
/// Matching is a bounded dynamic programme (no recursion, no regular expressions).
/// </summary>
public static class PathGlob
{
    private const int Literal = 0, One = 1, Star = 2, DoubleStar = 3, DoubleStarSlash = 4;

    /// <summary>Whether <paramref name="path"/> matches <paramref name="glob"/>.</summary>
    /// <param name="glob">The pattern.</param>
    /// <param name="path">The path.</param>
    /// <param name="anchored">When false (the default), a relative pattern also matches any trailing part of the
    /// path that starts at a segment boundary, so <c>src/Legacy/**</c> matches <c>/home/ci/repo/src/Legacy/A.cs</c>.</param>
    /// <returns>True on a match.</returns>
    public static bool IsMatch(string glob, string path, bool anchored = false)
    {
        if (glob is null || path is null)
        {
            return false;
        }

        var kinds = new int[glob.Length];
        var chars = new char[glob.Length];
        var count = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = Normalize(glob[i]);
            if (c == '*')
            {
                if (i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < glob.Length && Normalize(glob[i + 1]) == '/')
                    {
                        i++;
                        kinds[count++] = DoubleStarSlash;
                    }
                    else
                    {
                        kinds[count++] = DoubleStar;
                    }
                }
                else
                {
                    kinds[count++] = Star;
                }
            }
            else if (c == '?')
            {
                kinds[count++] = One;
            }
            else
            {
                chars[count] = c;
                kinds[count++] = Literal;
            }
        }

        var n = path.Length;
        var next = new bool[n + 1];
        var current = new bool[n + 1];
        next[n] = true;
        for (var t = count - 1; t >= 0; t--)
        {
            var anySlashThenNext = false;
            for (var j = n; j >= 0; j--)
            {
                var c = j < n ? Normalize(path[j]) : '\0';
                switch (kinds[t])
                {
                    case Literal:
                        current[j] = j < n && c == chars[t] && next[j + 1];
                        break;
                    case One:
                        current[j] = j < n && c != '/' && next[j + 1];
                        break;
                    case Star:
                        current[j] = next[j] || (j < n && c != '/' && current[j + 1]);
                        break;
                    case DoubleStar:
                        current[j] = next[j] || (j < n && current[j + 1]);
                        break;
                    default:
                        if (j < n && c == '/' && next[j + 1])
                        {
                            anySlashThenNext = true;
                        }

                        current[j] = next[j] || anySlashThenNext;
                        break;
                }
            }

            (next, current) = (current, next);
        }

        if (next[0])
        {
            return true;
        }

        if (anchored || (glob.Length > 0 && Normalize(glob[0]) == '/'))
        {
            return false;
        }

        for (var j = 1; j < n; j++)
        {
            if (Normalize(path[j - 1]) == '/' && next[j])
            {
                return true;
            }
        }

        return false;
    }

    private static char Normalize(char c) => c == '\\' ? '/' : char.ToLowerInvariant(c);
}
