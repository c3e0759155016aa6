using System;
using System.Net.Mail;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Corpus.Headers;

/// <summary>Sends a prepared message (SMTP in production, a pickup folder in tests).</summary>
public interface IMailGateway
{
    Task SendAsync(MailMessage message);
}

public sealed class MailOptions
{
    public string From { get; set; } = "no-reply@example.jp";
    public string SupportInbox { get; set; } = "support@example.jp";
    public string SubjectPrefix { get; set; } = "[Shop]";
}

public sealed record ContactForm(string Name, string Email, string Subject, string Message);

public sealed record ShareForm(string FriendEmail, string Note);

[Route("contact")]
public sealed class ContactMailController(IMailGateway gateway, IOptions<MailOptions> options, NotificationMailer mailer) : Controller
{
    [HttpPost("send")]
    public async Task<IActionResult> Send(ContactForm form)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox);
        message.Subject = "Contact: " + form.Subject; // vuln:PK1006 form subject in the mail header
        message.Body = form.Message;
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("send-clean")]
    public async Task<IActionResult> SendClean(ContactForm form)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox);
        message.Subject = "Contact: " + form.Subject.ReplaceLineEndings(" "); // safe:PK1006 line endings replaced by spaces
        message.Body = form.Message;
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("send-body")]
    public async Task<IActionResult> SendBodyOnly(ContactForm form)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox)
        {
            Subject = options.Value.SubjectPrefix + " contact form",
        };
        message.Body = $"From: {form.Name} <{form.Email}>\r\nSubject: {form.Subject}\r\n\r\n{form.Message}"; // safe:PK1006 everything the visitor typed is in the body
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("send-reply-to")]
    public async Task<IActionResult> SendReplyTo(ContactForm form)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Contact form", Body = form.Message };
        message.ReplyToList.Add(form.Email); // vuln:PK1006 unvalidated Reply-To, a comma list adds several addresses
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("send-reply-to-checked")]
    public async Task<IActionResult> SendReplyToChecked(ContactForm form)
    {
        if (!MailAddress.TryCreate(form.Email, out var replyTo))
        {
            return BadRequest();
        }

        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Contact form", Body = form.Message };
        message.ReplyToList.Add(replyTo); // safe:PK1006 one address validated by MailAddress.TryCreate
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("send-from")]
    public async Task<IActionResult> SendFrom(ContactForm form)
    {
        using var message = new MailMessage { Subject = "Contact form", Body = form.Message };
        message.From = new MailAddress(form.Email, form.Name); // vuln:PK1006 sender address and display name chosen by the visitor
        message.To.Add(options.Value.SupportInbox);
        await gateway.SendAsync(message);
        return Ok();
    }

    [Authorize]
    [HttpPost("share")]
    public async Task<IActionResult> Share(ShareForm form)
    {
        using var message = new MailMessage { From = new MailAddress(options.Value.From), Subject = "A friend shared a product", Body = form.Note };
        message.To.Add(form.FriendEmail); // vuln:PK1006 recipient chosen by the form (IPA 8-(ii)), comma lists add more
        await gateway.SendAsync(message);
        return Ok();
    }

    [Authorize]
    [HttpPost("share-cc")]
    public async Task<IActionResult> ShareCc(ShareForm form, string cc)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Shared", Body = form.Note };
        message.CC.Add(new MailAddress(cc)); // vuln:PK1006 carbon copy to an address from the query
        await gateway.SendAsync(message);
        return Ok();
    }

    [Authorize]
    [HttpPost("share-bcc")]
    public async Task<IActionResult> ShareBcc(ShareForm form)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Shared", Body = form.Note };
        message.Bcc.Add(form.FriendEmail); // vuln:PK1006 hidden recipient chosen by the visitor
        await gateway.SendAsync(message);
        return Ok();
    }

    [Authorize]
    [HttpPost("copy-me")]
    public async Task<IActionResult> CopyMe(ContactForm form)
    {
        var own = User.FindFirstValue(ClaimTypes.Email);
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Contact form", Body = form.Message };
        message.CC.Add(own!); // safe:PK1006 the signed-in user's own address from the identity
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("campaign")]
    public async Task<IActionResult> Campaign(string campaign)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Campaign", Body = "..." };
        message.Headers.Add("X-Campaign", campaign); // vuln:PK1006 custom mail header from the query
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("campaign-number")]
    public async Task<IActionResult> CampaignNumber(int campaign)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Campaign", Body = "..." };
        message.Headers.Add("X-Campaign", campaign.ToString(System.Globalization.CultureInfo.InvariantCulture)); // safe:PK1006 a number
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("quick")]
    public async Task<IActionResult> Quick(string subject, string text)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox, subject, text); // vuln:PK1006 subject argument of the constructor from the query
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("quick-fixed")]
    public async Task<IActionResult> QuickFixed(string text)
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox, "Quick message", text); // safe:PK1006 constant subject, input only in the body
        await gateway.SendAsync(message);
        return Ok();
    }

    [HttpPost("order-mail")]
    public async Task<IActionResult> OrderMail(string orderNumber)
    {
        await mailer.OrderShippedAsync(options.Value.SupportInbox, orderNumber); // vuln:PK1006#headers-mailer-order order number reaches the subject in the mailer
        return Ok();
    }

    [HttpPost("order-mail-id")]
    public async Task<IActionResult> OrderMailId(int orderId)
    {
        await mailer.OrderShippedAsync(options.Value.SupportInbox, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture)); // safe:PK1006 numeric order id
        return Ok();
    }

    [HttpPost("welcome")]
    public async Task<IActionResult> Welcome(string email)
    {
        await mailer.WelcomeAsync(email); // vuln:PK1006#headers-mailer-welcome address from the request becomes the recipient
        return Ok();
    }

    [HttpPost("welcome-checked")]
    public async Task<IActionResult> WelcomeChecked(string email)
    {
        if (MailAddress.TryCreate(email, out var address))
        {
            await mailer.WelcomeCheckedAsync(address); // safe:PK1006 the mailer only gets a validated single address
        }

        return Ok();
    }
}

public sealed class FeedbackModel(IMailGateway gateway, IOptions<MailOptions> options) : PageModel
{
    [BindProperty]
    public ContactForm Input { get; set; } = new("", "", "", "");

    public async Task<IActionResult> OnPostAsync()
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox);
        message.Subject = $"Feedback from {Input.Name}"; // vuln:PK1006 bound form name in the subject
        message.Body = Input.Message;
        await gateway.SendAsync(message);
        return RedirectToPage("/Index");
    }

    public async Task<IActionResult> OnPostPlainAsync()
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox);
        message.Subject = "Feedback"; // safe:PK1006 constant subject
        message.Body = Input.Name + "\n" + Input.Message;
        await gateway.SendAsync(message);
        return RedirectToPage("/Index");
    }

    public async Task<IActionResult> OnPostSenderAsync()
    {
        using var message = new MailMessage(options.Value.From, options.Value.SupportInbox) { Subject = "Feedback", Body = Input.Message };
        message.Sender = new MailAddress(Input.Email); // vuln:PK1006 Sender header from the bound form
        await gateway.SendAsync(message);
        return RedirectToPage("/Index");
    }
}

public static class InviteEndpoints
{
    public static IEndpointRouteBuilder MapInviteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/invites", async (string to, string inviter, IMailGateway gateway, IOptions<MailOptions> options) =>
        {
            using var message = new MailMessage(new MailAddress(options.Value.From), new MailAddress(to)); // vuln:PK1006 minimal API recipient from the query
            message.Subject = "Invitation";
            message.Body = inviter + " invited you.";
            await gateway.SendAsync(message);
            return Results.Accepted();
        }).RequireAuthorization();

        app.MapPost("/invites/subject", async (string to, string topic, IMailGateway gateway, IOptions<MailOptions> options) =>
        {
            if (!MailAddress.TryCreate(to, out var recipient))
            {
                return Results.BadRequest();
            }

            using var message = new MailMessage(new MailAddress(options.Value.From), recipient);
            message.Subject = "Invitation: " + topic; // vuln:PK1006 the address is validated but the subject is not
            await gateway.SendAsync(message);
            return Results.Accepted();
        }).RequireAuthorization();

        app.MapPost("/invites/clean", async (string topic, ClaimsPrincipal user, IMailGateway gateway, IOptions<MailOptions> options) =>
        {
            using var message = new MailMessage(options.Value.From, user.FindFirstValue(ClaimTypes.Email)!);
            message.Subject = "Invitation: " + topic.Replace("\n", "").Replace("\r", ""); // safe:PK1006 both line breaks removed, recipient is the caller
            await gateway.SendAsync(message);
            return Results.Accepted();
        }).RequireAuthorization();

        return app;
    }
}
