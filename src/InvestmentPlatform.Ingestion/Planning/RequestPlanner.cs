using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Ingestion.Incremental;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Planning;

/// <summary>Turns a pending request into chunks and log rows, once, whichever process gets there first.</summary>
public sealed class RequestPlanner(
    PlatformDbContext db,
    ICollectorRegistry registry,
    IncrementalTracker tracker,
    RequestTally tally,
    RequestLimits limits,
    SourceDailyQuota quota,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<RequestPlanner> logger)
{
    /// <summary>SQLite runs in one process (embedded mode), so a process-wide gate serialises its planning.</summary>
    private static readonly SemaphoreSlim SqlitePlanning = new(1, 1);

    /// <returns>True when this call planned the request.</returns>
    public async Task<bool> PlanAsync(Guid requestId, CancellationToken ct)
    {
        // Read once for the lock's key (and to skip a request already planned without locking); read again under the lock.
        var source = await db.IngestionRequests.Where(r => r.Id == requestId && r.Status == IngestionStatuses.Pending)
            .Select(r => new { r.Source, r.Interval }).FirstOrDefaultAsync(ct);
        if (source is null)
            return false;

        // Identical requests planned at the same moment must see each other's chunks to coalesce, so planning is
        // serialised per source and interval: an advisory lock held to commit on PostgreSQL, a gate on SQLite.
        var postgres = db.Provider == DatabaseProvider.Postgres;
        if (!postgres)
            await SqlitePlanning.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (postgres)
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({"plan:" + source.Source + ":" + source.Interval}))", ct);
            var planned = await PlanLockedAsync(requestId, ct);
            if (planned is null)
                return false;
            await tx.CommitAsync(ct);
            if (planned.All(c => ChunkStatuses.IsTerminal(c.Status)))
            {
                // Nothing to collect (incremental and up to date, or every chunk failed at planning): settle it now.
                await tally.RefreshAsync(requestId, ct);
            }
            return true;
        }
        finally
        {
            if (!postgres)
                SqlitePlanning.Release();
        }
    }

    private async Task<List<IngestionChunk>?> PlanLockedAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.IngestionRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != IngestionStatuses.Pending)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var symbols = JsonSerializer.Deserialize<List<string>>(request.Symbols) ?? [];
        registry.TryGet(request.Source, out var collector);
        // A stored request is checked again: it may predate a limit, or have come as a message from another publisher.
        var from = request.From;
        var to = request.To;
        var refusal = limits.CheckSymbols(symbols).Concat(limits.CheckRange(from, to)).FirstOrDefault()
                      ?? (BarIntervals.IsKnown(request.Interval)
                          ? limits.CheckSize(collector?.Descriptor, request.Interval, symbols.Count, from, to).FirstOrDefault()
                          : new SubmissionError("interval", $"Unknown interval '{request.Interval}'."));
        if (refusal is not null)
            return await RefuseAsync(request, refusal.Message, now, ct);
        if (await quota.CheckStoredAsync(request, ct) is { } spent)
            return await RefuseAsync(request, spent.Message, now, ct);

        var chunks = new List<IngestionChunk>();
        foreach (var symbol in symbols)
        {
            IReadOnlyList<TimeWindow> windows = request.Mode == IngestionModes.Incremental
                ? await tracker.FindWindowsAsync(symbol, request.AssetType, request.Interval, request.From, request.To, ct)
                : [new(request.From, request.To)];
            foreach (var w in ChunkPlanner.Split(windows, collector?.Descriptor, request.Interval, options.Value.ChunkMaxBars))
            {
                chunks.Add(new IngestionChunk
                {
                    Id = Guid.CreateVersion7(),
                    RequestId = request.Id,
                    Symbol = symbol,
                    From = w.From,
                    To = w.To,
                    Status = await HasIdenticalActiveChunkAsync(request, symbol, w, ct) ? ChunkStatuses.Coalesced : ChunkStatuses.Pending,
                    CreatedAt = now,
                });
            }
            db.DataCollectionLog.Add(new DataCollectionLog
            {
                RequestId = request.Id,
                JobId = request.JobId,
                RunId = request.RunId,
                Symbol = symbol,
                Source = request.Source,
                Interval = request.Interval,
                Status = IngestionStatuses.Running,
                StartedAt = now,
            });
        }

        if (chunks.Count > options.Value.MaxChunksPerRequest)
            return await RefuseAsync(request, $"The request would be planned into {chunks.Count:N0} chunks; at most {options.Value.MaxChunksPerRequest:N0} per request.", now, ct);

        if (collector is null)
        {
            foreach (var c in chunks)
            {
                c.Status = ChunkStatuses.Failed;
                c.ErrorClass = nameof(ErrorClass.BadRequest);
                c.ErrorMessage = $"Unknown source '{request.Source}'.";
                c.FinishedAt = now;
            }
        }

        db.IngestionChunks.AddRange(chunks);
        request.Status = IngestionStatuses.Running;
        request.ChunksTotal = chunks.Count;
        request.UpdatedAt = now;
        request.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another process planned it first (version or the unique log row): its plan stands.
            logger.LogDebug(ex, "Request {RequestId} was planned elsewhere", requestId);
            db.ChangeTracker.Clear();
            return null;
        }
        db.ChangeTracker.Clear();
        logger.LogInformation("Request {RequestId} planned: {Chunks} chunks for {Symbols} symbols from {Source}",
            requestId, chunks.Count, symbols.Count, request.Source);
        return chunks;
    }

    /// <summary>Ends a request that may not be planned: failed, with the reason, and its CollectionFailed.</summary>
    private async Task<List<IngestionChunk>?> RefuseAsync(IngestionRequest request, string reason, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Attach(request);
        MarkFailed(request, reason, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "Request {RequestId} was planned elsewhere", request.Id);
            db.ChangeTracker.Clear();
            return null;
        }
        db.ChangeTracker.Clear();
        logger.LogWarning("Request {RequestId} refused at planning: {Reason}", request.Id, reason);
        return [];
    }

    /// <summary>Fails a pending request whose planning threw, so it stops coming back to every sweep.</summary>
    public async Task FailAsync(Guid requestId, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var request = await db.IngestionRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != IngestionStatuses.Pending)
            return;
        MarkFailed(request, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private void MarkFailed(IngestionRequest request, string reason, DateTime now)
    {
        request.Status = IngestionStatuses.Failed;
        request.PlannedRows = 0;
        request.ErrorClass = nameof(ErrorClass.BadRequest);
        request.ErrorMessage = reason;
        request.CompletedAt = now;
        request.UpdatedAt = now;
        request.Version++;
        db.EnqueuePublish(request.Failed(ErrorClass.BadRequest, reason, now), request.Id);
    }

    /// <summary>
    /// Stores a request that arrived only as a message: the platform itself always writes the row first (IngestionRequestWriter),
    /// but a publisher outside it may send the contract alone, as docs/contracts.md allows.
    /// </summary>
    public async Task EnsureRowAsync(CollectionRequested message, CancellationToken ct)
    {
        if (await db.IngestionRequests.AnyAsync(r => r.Id == message.RequestId, ct))
            return;
        db.IngestionRequests.Add(IngestionRequestWriter.ToRow(message, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Inserted concurrently by a redelivery.
        }
        db.ChangeTracker.Clear();
    }

    private Task<bool> HasIdenticalActiveChunkAsync(IngestionRequest request, string symbol, TimeWindow w, CancellationToken ct) =>
        IdenticalChunks.Of(db, request.Id, request.Source, request.Interval, symbol, w)
            .AnyAsync(c => ChunkStatuses.Leading.Contains(c.Status), ct);
}
