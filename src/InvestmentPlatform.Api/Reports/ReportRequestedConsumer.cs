using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Reports.Requests;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Api.Reports;

/// <summary>
/// Builds a requested report, stores its file and announces the outcome (ReportReady, through the outbox with the
/// outcome). A report that cannot be made (nothing to value, an asset gone) fails with the reason; a redelivered
/// message for a finished report changes nothing.
/// </summary>
public sealed class ReportRequestedConsumer(PlatformDbContext db, ReportBuilder builder, TimeProvider clock, ILogger<ReportRequestedConsumer> logger)
    : IConsumer<ReportRequested>
{
    public async Task Consume(ConsumeContext<ReportRequested> context)
    {
        var ct = context.CancellationToken;
        var row = await db.ReportRequests.SingleOrDefaultAsync(r => r.Id == context.Message.ReportId, ct);
        if (row is null || row.Status is WorkStatuses.Succeeded or WorkStatuses.Failed)
            return;
        row.Status = WorkStatuses.Running;
        await db.SaveChangesAsync(ct);

        var input = JsonSerializer.Deserialize<ReportInput>(row.Parameters, ReportRequestWriter.Json)!;
        try
        {
            var file = await builder.BuildAsync(input, ct);
            db.ReportFiles.Add(new ReportFileContent { ReportId = row.Id, Content = file.Content });
            row.Status = WorkStatuses.Succeeded;
            row.FileName = file.FileName;
            row.ContentType = file.ContentType;
            row.Size = file.Content.LongLength;
        }
        catch (AnalyticsException ex)
        {
            row.Status = WorkStatuses.Failed;
            row.Error = ex.Message;
            logger.LogInformation("Report {ReportId} ({Kind}) failed: {Error}", row.Id, row.Kind, ex.Message);
        }
        row.CompletedAt = clock.GetUtcNow().UtcDateTime;
        if (row.RunId is { } runId)
            await DeliverToInboxAsync(row, runId, ct);
        db.EnqueuePublish(new ReportReady(row.Id, row.OwnerId, row.Kind, row.Status, row.FileName, row.Size, row.Error, row.CompletedAt.Value,
            row.RunId), row.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A scheduled report lands in its owner's inbox, in the outcome's transaction: the report_ready push that follows
    /// finds it there.
    /// </summary>
    private async Task DeliverToInboxAsync(ReportRequest row, Guid runId, CancellationToken ct)
    {
        var job = await (from r in db.JobRuns
                         join j in db.SchedulerJobs on r.JobId equals j.Id
                         where r.Id == runId
                         select j.Name).FirstOrDefaultAsync(ct) ?? "A scheduled report";
        var body = row.Status == WorkStatuses.Succeeded
            ? $"Your {row.Kind} report {row.FileName} ({row.Size:N0} bytes) is ready to download."
            : $"Your {row.Kind} report could not be made: {row.Error}";
        db.Notifications.Add(new Notification
        {
            Id = row.Id, OwnerId = row.OwnerId, Title = job, Body = body, Link = $"/reports?id={row.Id}", CreatedAt = row.CompletedAt!.Value,
        });
    }
}
