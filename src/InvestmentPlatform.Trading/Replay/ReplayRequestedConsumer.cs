using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Trading.Replay;

/// <summary>
/// Runs a queued replay: loads the bars, splits and dividends of its symbols, works its orders through
/// <see cref="ReplayEngine"/>, publishing progress as it goes, and stores the result with its final ReplayProgress
/// (through the outbox, in the same transaction). A redelivered message for a finished replay changes nothing; one
/// for a replay left running by a stopped worker runs it again from the start, which gives the same result.
/// </summary>
public sealed class ReplayRequestedConsumer(PlatformDbContext db, ReplayRunner runner, TradingClock clock, ILogger<ReplayRequestedConsumer> logger)
    : IConsumer<ReplayRequested>
{
    public async Task Consume(ConsumeContext<ReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var row = await db.PaperReplays.SingleOrDefaultAsync(r => r.Id == context.Message.ReplayId, ct);
        if (row is null || row.Status is WorkStatuses.Succeeded or WorkStatuses.Failed)
            return;
        try
        {
            var (terms, symbols, orders) = await runner.PrepareAsync(row, ct);
            row.Status = WorkStatuses.Running;
            row.Total = ReplayEngine.BarTimes(symbols);
            row.Done = 0;
            await db.SaveChangesAsync(ct);
            await PublishAsync(context, row, 0, null);

            var lastReported = 0;
            var reported = Task.CompletedTask;
            var result = ReplayEngine.Run(terms, symbols, orders, (done, total, fills) =>
            {
                // At most about twenty progress events per replay, however long its range.
                if (done == total || done - lastReported < Math.Max(1, total / 20))
                    return;
                lastReported = done;
                reported = reported.ContinueWith(_ => PublishAsync(context, row, fills, null, done), ct).Unwrap();
            }, ct);
            await reported;
            row.Status = WorkStatuses.Succeeded;
            row.Done = row.Total;
            row.Result = JsonSerializer.Serialize(result, ReplayJobs.Json);
            Finish(row, result.FillCount);
        }
        catch (AnalyticsException ex)
        {
            row.Status = WorkStatuses.Failed;
            row.Error = ex.Message;
            logger.LogInformation("Replay {ReplayId} failed: {Error}", row.Id, ex.Message);
            Finish(row, 0);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Finish(PaperReplay row, int fills)
    {
        row.CompletedAt = clock.UtcNow;
        db.EnqueuePublish(new ReplayProgress(row.Id, row.AccountId, row.OwnerId, row.Status, row.Done, row.Total, fills, row.Error, row.CompletedAt.Value),
            row.Id);
    }

    private Task PublishAsync(ConsumeContext context, PaperReplay row, int fills, string? error, int? done = null) =>
        context.Publish(new ReplayProgress(row.Id, row.AccountId, row.OwnerId, WorkStatuses.Running, done ?? row.Done, row.Total, fills, error,
            clock.UtcNow), context.CancellationToken);
}
