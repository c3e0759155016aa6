using System;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>The kinds of injection sink a tainted value can still harm; a sanitizer removes the kinds it neutralises.</summary>
[Flags]
internal enum SinkKind
{
    None = 0,

    /// <summary>SQL text (PK1001, CWE-89).</summary>
    Sql = 1,

    /// <summary>HTML written without encoding (PK1002, CWE-79).</summary>
    Html = 2,

    /// <summary>A program or its command line (PK1003, CWE-78).</summary>
    Command = 4,

    /// <summary>A file-system path (PK1004, CWE-22).</summary>
    Path = 8,

    /// <summary>A redirect target (PK1005, CWE-601).</summary>
    Redirect = 16,

    /// <summary>An HTTP response header, a mail header, or a mail sender or recipient (PK1006, CWE-113, CWE-93).</summary>
    Header = 32,

    All = Sql | Html | Command | Path | Redirect | Header,
}
