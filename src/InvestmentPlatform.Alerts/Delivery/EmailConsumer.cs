using System.Net.Sockets;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Data;
using MailKit;
using MailKit.Net.Smtp;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Emails a firing to its rule's address. Like the webhook: every attempt is logged, a failed one (server down, a
/// temporary SMTP error) throws so the bus retries it with backoff, and a firing already delivered or refused is not
/// sent again when its message is redelivered. A permanent refusal (no SMTP server configured, the server rejecting the
/// sender or the recipient) is logged as refused and not retried.
/// </summary>
public sealed class EmailConsumer(PlatformDbContext db, EmailSender sender, IOptions<SmtpOptions> smtp, TimeProvider time) : IConsumer<AlertTriggered>
{
    public async Task Consume(ConsumeContext<AlertTriggered> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!m.Channels.Contains(AlertKinds.Email))
            return;
        var to = await (from r in db.AlertRules.AsNoTracking()
                        join c in db.NotificationChannels.AsNoTracking() on r.EmailChannelId equals c.Id
                        where r.Id == m.RuleId
                        select c.Email).FirstOrDefaultAsync(ct);
        if (to is null)
            return;
        if (await DeliveryLog.NextAttemptAsync(db, m.FiringId, AlertKinds.Email, time.GetUtcNow().UtcDateTime, ct) is not { } log)
            return;
        db.AlertDeliveries.Add(log);
        try
        {
            if (!sender.Configured)
                throw new EmailRefusedException("No SMTP server is configured (Alerts:Smtp:Host).");
            await sender.SendAsync(EmailSender.Compose(m, smtp.Value.From, to), ct);
            log.Status = "delivered";
        }
        catch (EmailRefusedException ex)
        {
            log.Status = "refused";
            log.Error = ex.Message;
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
                                              && (int)ex.StatusCode >= 500)
        {
            log.Status = "refused";
            log.StatusCode = (int)ex.StatusCode;
            log.Error = DeliveryLog.Shorten(ex.Message);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                       or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException
                                       or IOException or SocketException or TimeoutException
                                   || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.StatusCode = ex is SmtpCommandException command ? (int)command.StatusCode : null;
            log.Error = DeliveryLog.Shorten(ex.Message);
        }
        await db.SaveChangesAsync(ct);
        if (log.Status == "failed")
            throw new EmailFailedException($"Email attempt {log.Attempt} for firing {m.FiringId} failed ({log.StatusCode?.ToString() ?? log.Error}).");
    }
}

/// <summary>An attempt that may succeed later: the bus retries it.</summary>
public sealed class EmailFailedException(string message) : Exception(message);

/// <summary>Retrying would not change the outcome.</summary>
public sealed class EmailRefusedException(string message) : Exception(message);
