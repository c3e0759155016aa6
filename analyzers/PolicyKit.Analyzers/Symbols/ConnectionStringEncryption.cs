using System;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Reads a database connection-string literal for a setting that turns transport encryption off towards a remote host:
/// SqlClient <c>Encrypt=False|No|Optional</c>, Npgsql <c>SSL Mode=Disable</c>, MySqlConnector <c>SslMode=None</c>.
/// Keys are matched without spaces or case, as the providers do. A string without a host key, or with a loopback host
/// (<c>localhost</c>, <c>127.x</c>, <c>::1</c>, <c>(localdb)</c>, <c>.</c>, <c>(local)</c>), is not judged.
/// </summary>
internal static class ConnectionStringEncryption
{
    /// <summary>The offending <c>key=value</c> pair as written and the setting to use instead, or null.</summary>
    public static (string Found, string Replacement)? FindDisabled(string text)
    {
        if (text.IndexOf('=') < 0 || text.IndexOf(';') < 0)
        {
            return null;
        }

        string? host = null;
        (string, string)? disabled = null;
        foreach (var pair in text.Split(';'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = pair.Substring(0, equals).Replace(" ", string.Empty).Trim().ToLowerInvariant();
            var value = pair.Substring(equals + 1).Trim();
            switch (key)
            {
                case "server" or "datasource" or "host" or "address" or "addr" or "networkaddress":
                    host = value;
                    break;
                case "encrypt" when value.Equals("false", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("no", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("optional", StringComparison.OrdinalIgnoreCase):
                    disabled = (pair.Trim(), "Encrypt=Strict (or Mandatory)");
                    break;
                case "sslmode" when value.Equals("disable", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("none", StringComparison.OrdinalIgnoreCase):
                    disabled = (pair.Trim(), "SSL Mode=VerifyFull");
                    break;
            }
        }

        return disabled is { } found && host is not null && !IsLoopback(host) ? found : null;
    }

    private static bool IsLoopback(string host)
    {
        var name = host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? host.Substring(4) : host;
        var cut = name.IndexOfAny(new[] { ',', '\\' });
        name = (cut >= 0 ? name.Substring(0, cut) : name).Trim();
        if (name.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var port = name.LastIndexOf(':');
        if (port > 0 && name.IndexOf(':') == port)
        {
            name = name.Substring(0, port);
        }

        return name is "." or "::1" or "[::1]"
            || name.Equals("(local)", StringComparison.OrdinalIgnoreCase)
            || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("127.", StringComparison.Ordinal);
    }
}
