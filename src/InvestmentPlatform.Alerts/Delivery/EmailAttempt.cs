using System.Net.Sockets;
using InvestmentPlatform.Data.Alerts;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// One email sent and written on its attempt row, for firings and reports alike: delivered; refused when retrying
/// cannot help (no SMTP server configured, the server rejecting the sender or the recipient); otherwise failed
/// (server down, a temporary SMTP error), which <see cref="ThrowIfFailed"/> turns into a retry by the bus.
/// </summary>
public static class EmailAttempt
{
    public static async Task SendAsync(AlertDelivery log, EmailSender sender, MimeMessage message, CancellationToken ct)
    {
        try
        {
            if (!sender.Configured)
                throw new EmailRefusedException("No SMTP server is configured (Alerts:Smtp:Host).");
            await sender.SendAsync(message, ct);
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
    }

    /// <summary>Call once the attempt row is saved: a failed attempt throws, so the bus retries it with backoff.</summary>
    public static void ThrowIfFailed(AlertDelivery log, string what)
    {
        if (log.Status == "failed")
            throw new EmailFailedException($"Email attempt {log.Attempt} for {what} failed ({log.StatusCode?.ToString() ?? log.Error}).");
    }
}

/// <summary>An attempt that may succeed later: the bus retries it.</summary>
public sealed class EmailFailedException(string message) : Exception(message);

/// <summary>Retrying would not change the outcome.</summary>
public sealed class EmailRefusedException(string message) : Exception(message);
