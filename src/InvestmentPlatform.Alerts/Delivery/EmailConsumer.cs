using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Emails a firing to its rule's address. Like the webhook: every attempt is logged (<see cref="EmailAttempt"/>), a
/// failed one is retried by the bus with backoff, and a firing already delivered or refused is not sent again when its
/// message is redelivered.
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
        await EmailAttempt.SendAsync(log, sender, EmailSender.Compose(m, smtp.Value.From, to), ct);
        await db.SaveChangesAsync(ct);
        EmailAttempt.ThrowIfFailed(log, $"firing {m.FiringId}");
    }
}
