using System.Globalization;
using System.Net;
using InvestmentPlatform.Contracts.Alerts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>Writes a firing as a plain-text + HTML message and sends it through the configured SMTP server.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public static MimeMessage Compose(AlertTriggered m, string from, string to)
    {
        var subject = m.Symbol is null ? $"Alert: {m.RuleName}" : $"Alert: {m.RuleName} ({m.Symbol})";
        var value = m.Value.ToString("G", CultureInfo.InvariantCulture);
        var at = m.TriggerTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var asset = m.Symbol is null ? "-" : m.Interval is null ? m.Symbol : $"{m.Symbol} ({m.Interval})";
        var message = new MimeMessage
        {
            Subject = subject,
            Body = Body([("Rule", m.RuleName), ("Asset", asset), ("Value", value), ("Time", at), ("Message", m.Message)]).ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        // One id per firing, so a receiving system can tell a re-sent copy from a new alert.
        message.MessageId = $"{m.FiringId:N}@alerts";
        return message;
    }

    /// <summary>Labelled lines as plain text ("Label: text") and as an HTML table, the shape of every mail the platform sends.</summary>
    public static BodyBuilder Body(IEnumerable<(string Label, string Text)> lines)
    {
        var list = lines.ToList();
        return new BodyBuilder
        {
            TextBody = string.Join('\n', list.Select(l => $"{l.Label}: {l.Text}")) + "\n",
            HtmlBody = "<html><body><table>"
                       + string.Concat(list.Select(l => $"<tr><th align=\"left\">{l.Label}</th><td>{WebUtility.HtmlEncode(l.Text)}</td></tr>"))
                       + "</table></body></html>",
        };
    }

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var smtp = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Port == 465 ? SecureSocketOptions.SslOnConnect : o.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await smtp.ConnectAsync(o.Host ?? throw new EmailRefusedException("No SMTP server is configured (Alerts:Smtp:Host)."), o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.Username))
            await smtp.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
