using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss;

[Route("widgets")]
public sealed class WidgetController : Controller
{
    [HttpGet("greeter")]
    public IActionResult Greeter(string user) =>
        Content($"<script>window.currentUser = '{user}';</script>", "text/html"); // vuln:PK1002 value inside a script string

    [HttpGet("greeter-safe")]
    public IActionResult GreeterSafe(string user) =>
        Content($"<script>window.currentUser = '{JavaScriptEncoder.Default.Encode(user)}';</script>", "text/html"); // safe:PK1002 JavaScriptEncoder for a script string

    [HttpGet("back")]
    public IActionResult Back()
    {
        string referer = Request.Headers.Referer.ToString();
        return Content("<a href='" + referer + "'>Back</a>", "text/html"); // vuln:PK1002 Referer header echoed into an attribute
    }

    [HttpGet("embed")]
    public async Task<IActionResult> Embed([FromQuery(Name = "w")] string width, [FromQuery(Name = "h")] string height)
    {
        await Task.Yield();
        var frame = $"<iframe src=\"/player\" width=\"{width}\" height=\"{height}\"></iframe>";
        return View("Embed", new HtmlString(frame)); // vuln:PK1002 frame attributes from the query
    }

    [HttpGet("embed-sized")]
    public IActionResult EmbedSized(int w, int h) =>
        View("Embed", new HtmlString($"<iframe src=\"/player\" width=\"{w}\" height=\"{h}\"></iframe>")); // safe:PK1002 numeric sizes

    [HttpGet("error")]
    public IActionResult Error([FromHeader(Name = "X-Request-Source")] string source) =>
        Content($"<div class=\"error\">Request from {source} failed</div>", "text/html"); // vuln:PK1002 custom header echoed
}
