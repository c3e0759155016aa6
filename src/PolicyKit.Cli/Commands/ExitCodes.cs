namespace PolicyKit.Cli.Commands;

/// <summary>The process exit codes (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The review ran and the gate passed; or a command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The review ran and the gate failed (findings without a waiver at or above <c>--fail-on</c>).</summary>
    public const int GateFailed = 1;

    /// <summary>Bad arguments, missing or unreviewable input, invalid policy: nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT): nothing was written.</summary>
    public const int Cancelled = 130;
}
