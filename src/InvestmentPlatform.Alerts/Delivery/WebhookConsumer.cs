using System.Text.Json;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Delivers a firing to its rule's webhook. Every attempt is logged with its status code; a failed attempt throws so
/// the bus retries it with backoff (<see cref="DeliveryConsumerDefinition{TConsumer}"/>), and a firing already delivered is not
/// sent again when its message is redelivered.
/// </summary>
public sealed class WebhookConsumer(PlatformDbContext db, WebhookSender sender, TimeProvider time) : IConsumer<AlertTriggered>
{
    public async Task Consume(ConsumeContext<AlertTriggered> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!m.Channels.Contains(AlertKinds.Webhook))
            return;
        if (await DeliveryLog.NextAttemptAsync(db, m.FiringId, AlertKinds.Webhook, time.GetUtcNow().UtcDateTime, ct) is not { } log)
            return;
        var rule = await (from r in db.AlertRules.AsNoTracking()
                          join c in db.NotificationChannels.AsNoTracking() on r.WebhookChannelId equals c.Id
                          where r.Id == m.RuleId
                          select new { WebhookUrl = c.Url, WebhookSecret = c.Secret }).FirstOrDefaultAsync(ct);
        if (rule?.WebhookUrl is null || rule.WebhookSecret is null)
            return;

        var body = JsonSerializer.Serialize(m, JsonSerializerOptions.Web);
        db.AlertDeliveries.Add(log);
        await WebhookAttempt.PostAsync(log, sender, rule.WebhookUrl, rule.WebhookSecret, body, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        WebhookAttempt.ThrowIfFailed(log, $"firing {m.FiringId}");
    }
}
