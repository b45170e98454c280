using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Emails a finished report to the email channel its request chose, with the file attached up to
/// <see cref="DeliveryOptions.ReportAttachmentMaxBytes"/>. Attempts are logged and retried as a firing's are
/// (<see cref="EmailAttempt"/>); a report already delivered or refused is not sent again when ReportReady is redelivered.
/// </summary>
public sealed class ReportEmailConsumer(PlatformDbContext db, EmailSender sender, IOptions<SmtpOptions> smtp, IOptions<DeliveryOptions> delivery,
    TimeProvider time) : IConsumer<ReportReady>
{
    public async Task Consume(ConsumeContext<ReportReady> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var target = await (from r in db.ReportRequests.AsNoTracking()
                            join c in db.NotificationChannels.AsNoTracking() on r.EmailChannelId equals c.Id
                            where r.Id == m.ReportId && c.OwnerId == r.OwnerId
                            select new { c.Email, r.ContentType }).FirstOrDefaultAsync(ct);
        if (target?.Email is null)
            return;
        if (await DeliveryLog.NextAttemptAsync(db, m.ReportId, AlertKinds.Email, time.GetUtcNow().UtcDateTime, ct) is not { } log)
            return;
        // The file is read only when it will be attached; retention may have removed it since, and then the mail says where it was.
        var file = m.FileName is not null && m.Size <= delivery.Value.ReportAttachmentMaxBytes
            ? await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == m.ReportId).Select(f => f.Content).FirstOrDefaultAsync(ct)
            : null;
        db.AlertDeliveries.Add(log);
        await EmailAttempt.SendAsync(log, sender, ReportEmail.Compose(m, target.ContentType, file, smtp.Value.From, target.Email), ct);
        await db.SaveChangesAsync(ct);
        EmailAttempt.ThrowIfFailed(log, $"report {m.ReportId}");
    }
}
