using System.Text.Json;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Tells the webhook channel a report's request chose that the report finished (<see cref="ReportWebhookBody"/>),
/// signed as firings are. The file itself is not posted: the receiver downloads it with its own API key. Attempts are
/// logged and retried as a firing's are (<see cref="WebhookAttempt"/>).
/// </summary>
public sealed class ReportWebhookConsumer(PlatformDbContext db, WebhookSender sender, TimeProvider time) : IConsumer<ReportReady>
{
    public async Task Consume(ConsumeContext<ReportReady> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var target = await (from r in db.ReportRequests.AsNoTracking()
                            join c in db.NotificationChannels.AsNoTracking() on r.WebhookChannelId equals c.Id
                            where r.Id == m.ReportId && c.OwnerId == r.OwnerId
                            select new { c.Url, c.Secret, r.Format }).FirstOrDefaultAsync(ct);
        if (target?.Url is null || target.Secret is null)
            return;
        if (await DeliveryLog.NextAttemptAsync(db, m.ReportId, AlertKinds.Webhook, time.GetUtcNow().UtcDateTime, ct) is not { } log)
            return;
        var body = JsonSerializer.Serialize(new ReportWebhookBody(m.ReportId, m.Kind, target.Format, m.Status, m.FileName, m.Size, m.Error, m.FinishedAt,
            m.RunId, m.FileName is null ? null : $"/api/reports/{m.ReportId}/file"), JsonSerializerOptions.Web);
        db.AlertDeliveries.Add(log);
        await WebhookAttempt.PostAsync(log, sender, target.Url, target.Secret, body, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        WebhookAttempt.ThrowIfFailed(log, $"report {m.ReportId}");
    }
}

/// <summary>
/// What a webhook receives when a report it was chosen for finishes (docs/api/reports.md): <see cref="Download"/> is the
/// API path of the file, null when the report failed.
/// </summary>
public sealed record ReportWebhookBody(Guid ReportId, string Kind, string Format, string Status, string? FileName, long? Size, string? Error,
    DateTime FinishedAt, Guid? RunId, string? Download)
{
    public string Event => "report_ready";
}
