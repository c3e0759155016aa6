using Microsoft.AspNetCore.Http;

namespace Corpus.Headers;

/// <summary>Writes report metadata headers for the export endpoints.</summary>
public sealed class ResponseHeaderWriter
{
    public void Title(HttpResponse response, string title)
    {
        response.Headers["X-Report-Title"] = title; // vuln:PK1006#headers-writer-title the helper writes whatever it is given
    }

    public void Version(HttpResponse response, int version)
    {
        response.Headers["X-Report-Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture); // safe:PK1006 a number
    }
}
