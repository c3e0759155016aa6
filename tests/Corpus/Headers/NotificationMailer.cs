using System.Net.Mail;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Corpus.Headers;

/// <summary>Builds the shop's transactional mails.</summary>
public sealed class NotificationMailer(IMailGateway gateway, IOptions<MailOptions> options)
{
    public async Task OrderShippedAsync(string to, string orderNumber)
    {
        using var message = new MailMessage(options.Value.From, to);
        message.Subject = $"Order {orderNumber} has shipped"; // vuln:PK1006#headers-mailer-order subject built from the caller's value
        message.Body = "Your order is on its way.";
        await gateway.SendAsync(message);
    }

    public async Task WelcomeAsync(string email)
    {
        using var message = new MailMessage { From = new MailAddress(options.Value.From), Subject = "Welcome", Body = "Thanks for joining." };
        message.To.Add(email); // vuln:PK1006#headers-mailer-welcome recipient list parsed from the caller's string
        await gateway.SendAsync(message);
    }

    public async Task WelcomeCheckedAsync(MailAddress address)
    {
        using var message = new MailMessage { From = new MailAddress(options.Value.From), Subject = "Welcome", Body = "Thanks for joining." };
        message.To.Add(address); // safe:PK1006 a MailAddress the caller validated
        await gateway.SendAsync(message);
    }

    public async Task DigestAsync(string to, int count)
    {
        using var message = new MailMessage(options.Value.From, to);
        message.Subject = options.Value.SubjectPrefix + " " + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " new items"; // safe:PK1006 configuration and a number
        await gateway.SendAsync(message);
    }
}
