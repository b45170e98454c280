using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Analytics.Compute;

/// <summary>Runs a queued computation, publishing progress, and stores the result with the inputs' fingerprint.</summary>
public sealed class AnalyticsComputeConsumer(
    PlatformDbContext db,
    AnalyticsService analytics,
    SeriesReader reader,
    TimeProvider clock,
    ILogger<AnalyticsComputeConsumer> logger) : IConsumer<AnalyticsComputeRequested>
{
    public async Task Consume(ConsumeContext<AnalyticsComputeRequested> context)
    {
        var ct = context.CancellationToken;
        var row = await db.AnalyticsResults.SingleOrDefaultAsync(r => r.Id == context.Message.ResultId, ct);
        // A republished message for a finished row changes nothing.
        if (row is null || row.Status is WorkStatuses.Succeeded or WorkStatuses.Failed)
            return;

        var parameters = JsonSerializer.Deserialize<AnalyticsParameters>(row.Parameters, AnalyticsJson.Options)!;
        var total = parameters.Symbols.Count;
        row.Status = WorkStatuses.Running;
        await db.SaveChangesAsync(ct);
        await Publish(context, row.Id, row.Kind, WorkStatuses.Running, 0, total, null);

        var fingerprint = await reader.FingerprintAsync(AnalyticsJobs.InputSymbols(parameters), parameters.From, parameters.To, ct);
        var lastReported = 0;
        var reported = Task.CompletedTask;
        void Progress(int done, int all)
        {
            // At most about twenty progress events per job, however many assets.
            if (done != all && done - lastReported < Math.Max(1, all / 20))
                return;
            lastReported = done;
            reported = reported.ContinueWith(_ => Publish(context, row.Id, row.Kind, WorkStatuses.Running, done, all, null), ct).Unwrap();
        }

        try
        {
            object result = row.Kind == AnalyticsKinds.Risk
                ? await analytics.RiskAsync(parameters, ct, Progress)
                : await analytics.PerformanceAsync(parameters, ct, Progress);
            await reported;
            row.Result = JsonSerializer.Serialize(result, result.GetType(), AnalyticsJson.Options);
            row.Status = WorkStatuses.Succeeded;
            row.InputsFingerprint = fingerprint;
        }
        catch (AnalyticsException ex)
        {
            row.Status = WorkStatuses.Failed;
            row.Error = ex.Message;
            logger.LogInformation("Analytics {Kind} {ResultId} failed: {Error}", row.Kind, row.Id, ex.Message);
        }
        row.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await Publish(context, row.Id, row.Kind, row.Status, row.Status == WorkStatuses.Succeeded ? total : lastReported, total, row.Error);
    }

    private Task Publish(ConsumeContext context, Guid id, string kind, string status, int done, int total, string? error) =>
        context.Publish(new AnalyticsProgress(id, kind, status, done, total, error, clock.GetUtcNow().UtcDateTime), context.CancellationToken);
}
