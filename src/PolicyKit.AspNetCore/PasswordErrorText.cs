using System.Globalization;
using System.Resources;

namespace PolicyKit.AspNetCore;

/// <summary>The user-facing text of password errors, in English and Japanese (Resources.resx, Resources.ja.resx).</summary>
internal static class PasswordErrorText
{
    private static readonly ResourceManager Resources = new("PolicyKit.AspNetCore.Resources", typeof(PasswordErrorText).Assembly);

    public static string Get(string key, CultureInfo culture, params object[] args)
    {
        var format = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }
}
