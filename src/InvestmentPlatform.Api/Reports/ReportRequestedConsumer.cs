using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Messaging.Outbox;
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
        if (row is null || row.Status is ReportStatuses.Succeeded or ReportStatuses.Failed)
            return;
        row.Status = ReportStatuses.Running;
        await db.SaveChangesAsync(ct);

        var input = JsonSerializer.Deserialize<ReportInput>(row.Parameters, ReportJobs.Json)!;
        try
        {
            var file = await builder.BuildAsync(input, ct);
            db.ReportFiles.Add(new ReportFileContent { ReportId = row.Id, Content = file.Content });
            row.Status = ReportStatuses.Succeeded;
            row.FileName = file.FileName;
            row.ContentType = file.ContentType;
            row.Size = file.Content.LongLength;
        }
        catch (AnalyticsException ex)
        {
            row.Status = ReportStatuses.Failed;
            row.Error = ex.Message;
            logger.LogInformation("Report {ReportId} ({Kind}) failed: {Error}", row.Id, row.Kind, ex.Message);
        }
        row.CompletedAt = clock.GetUtcNow().UtcDateTime;
        db.EnqueuePublish(new ReportReady(row.Id, row.OwnerId, row.Kind, row.Status, row.FileName, row.Size, row.Error, row.CompletedAt.Value), row.Id);
        await db.SaveChangesAsync(ct);
    }
}
