using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Sweeping;

/// <summary>
/// Keeps durable request state moving whatever happened to messages: plans pending requests whose message was
/// lost, re-dispatches chunks whose lease ran out (all in-flight chunks after a restart on the in-memory bus),
/// settles requests whose chunks all finished, and times out requests that ran too long.
/// </summary>
public sealed class IngestionSweeper(
    IServiceScopeFactory scopes,
    BusOptions bus,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    OutageLog outage,
    ILogger<IngestionSweeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The in-memory bus forgets every message on restart: whatever was in flight must be sent again.
        var firstPass = MessagingExtensions.ParseTransport(bus.Transport) == BusTransport.InMemory;
        return outage.RepeatAsync("Ingestion sweep", async ct =>
        {
            await SweepAsync(firstPass, ct);
            firstPass = false;
        }, options.Value.SweepInterval, clock, logger, stoppingToken);
    }

    public async Task SweepAsync(bool resetInFlight, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PlatformDbContext>();
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;

        var pendingBefore = now - o.PendingGrace;
        var stale = await db.IngestionRequests.Where(r => r.Status == IngestionStatuses.Pending && r.CreatedAt < pendingBefore)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in stale)
            await IsolatedAsync("plan request", id, ct, async () =>
            {
                await using var planning = scopes.CreateAsyncScope();
                var planner = planning.ServiceProvider.GetRequiredService<RequestPlanner>();
                try
                {
                    await planner.PlanAsync(id, ct);
                }
                catch (Exception ex) when (IsPermanent(ex))
                {
                    // Planning that throws for a request will throw the same way at every sweep: it ends here.
                    await planner.FailAsync(id, $"The request could not be planned: {ex.Message}", ct);
                    throw;
                }
            });

        var leaseBefore = resetInFlight ? DateTime.MaxValue : now - o.ChunkLease;
        var expired = await db.IngestionChunks
            .Where(c => ChunkStatuses.InFlight.Contains(c.Status) && (c.ProgressAt ?? c.StartedAt ?? DateTime.MinValue) < leaseBefore)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChunkStatuses.Pending), ct);
        if (expired > 0)
            logger.LogInformation("{Count} chunks in flight without progress were put back to pending", expired);

        // A coalesced chunk whose leader finished takes the leader's outcome here as well as in ChunkFinishedConsumer:
        // the leader's ChunkFinished may still be on its way, and reset to pending meanwhile it would ask the source again.
        var outcomes = sp.GetRequiredService<ChunkOutcomes>();
        var pairs = IdenticalChunks.Pairs(db);
        var finishedLeaders = await (from p in pairs
                                     where p.Chunk.Status == ChunkStatuses.Coalesced
                                           && ChunkStatuses.Terminal.Contains(p.Other.Status) && p.Other.FinishedAt >= p.Chunk.CreatedAt
                                     select p.Other.Id).Distinct().ToListAsync(ct);
        foreach (var leader in finishedLeaders)
            await IsolatedAsync("settle the chunks coalesced onto", leader, ct, () => outcomes.SettleCoalescedAsync(leader, ct));

        // A coalesced chunk whose leader is gone (failed planning race, restart) collects by itself; one whose leader
        // finished meanwhile is settled by the step above, at this sweep or the next.
        var orphans = await (from c in db.IngestionChunks
                             where c.Status == ChunkStatuses.Coalesced &&
                                   !pairs.Any(p => p.Chunk.Id == c.Id && (ChunkStatuses.Leading.Contains(p.Other.Status)
                                       || (ChunkStatuses.Terminal.Contains(p.Other.Status) && p.Other.FinishedAt >= c.CreatedAt)))
                             select c.Id).ToListAsync(ct);
        if (orphans.Count > 0)
            await db.IngestionChunks.Where(c => orphans.Contains(c.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChunkStatuses.Pending), ct);

        var timeoutBefore = now - o.RequestTimeout;
        var timedOut = await db.IngestionRequests
            .Where(r => r.Status == IngestionStatuses.Running && r.CreatedAt < timeoutBefore).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in timedOut)
        {
            await db.IngestionChunks.Where(c => c.RequestId == id && ChunkStatuses.Active.Contains(c.Status))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.Status, ChunkStatuses.TimedOut)
                    .SetProperty(c => c.ErrorClass, "Timeout")
                    .SetProperty(c => c.ErrorMessage, $"The request did not finish within {o.RequestTimeout}.")
                    .SetProperty(c => c.FinishedAt, now), ct);
            logger.LogWarning("Request {RequestId} timed out after {Timeout}", id, o.RequestTimeout);
        }

        var tally = sp.GetRequiredService<RequestTally>();
        var settled = await db.IngestionRequests
            .Where(r => r.Status == IngestionStatuses.Running &&
                        !db.IngestionChunks.Any(c => c.RequestId == r.Id && ChunkStatuses.Active.Contains(c.Status)))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in settled)
            await IsolatedAsync("settle request", id, ct, () => tally.RefreshAsync(id, ct));

        var sources = await db.IngestionRequests.Where(r => r.Status == IngestionStatuses.Running)
            .Select(r => r.Source).Distinct().ToListAsync(ct);
        var dispatcher = sp.GetRequiredService<ChunkDispatcher>();
        foreach (var source in sources)
            await IsolatedAsync("dispatch source", source, ct, () => dispatcher.DispatchAsync(source, ct));
    }

    /// <summary>One request's or source's failure is logged and skipped; the sweep goes on for everyone else.</summary>
    private async Task IsolatedAsync(string step, object subject, CancellationToken ct, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not ObjectDisposedException)
        {
            // An outage is announced once by the outage log, not once per step and sweep.
            if (!outage.Report(ex))
                logger.LogWarning(ex, "Sweep could not {Step} {Subject}; carrying on", step, subject);
        }
    }

    private static bool IsPermanent(Exception ex) =>
        ex is ArgumentException or OverflowException or FormatException or System.Text.Json.JsonException;
}
