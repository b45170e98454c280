using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Ingestion.Collection;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Rejections;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>
/// Loads one DataCollected part exactly once. In one transaction it sets the part's bit on the chunk (a second
/// delivery finds the bit set and loads nothing), writes the rows, their vintages and the rejected rows kept with it, announces the rows with SeriesUpdated, and when every
/// part is in, finishes the chunk and stages its ChunkFinished; both messages leave through the outbox after the commit.
/// The committed range's rows are kept a while (<see cref="LoadedRanges"/>) for the quality checks that follow.
/// </summary>
public sealed class PartLoader(PlatformDbContext db, ISeriesWriter writer, RejectionWriter rejections, LoadedRanges loaded, TimeProvider clock)
{
    private const int LastPartBit = 1 << CollectChunkLimits.MaxParts;

    /// <returns>Rows written, or null when the part was already loaded or its chunk has finished.</returns>
    public async Task<int?> LoadAsync(DataCollected m, long assetId, string assetType, CancellationToken ct)
    {
        if (m.Part is < 0 or >= CollectChunkLimits.MaxParts)
            throw new ArgumentOutOfRangeException(nameof(m), m.Part, $"Part must be between 0 and {CollectChunkLimits.MaxParts - 1}.");
        var rows = SeriesRows.Distinct(m.Rows.ToRows());
        var bit = 1 << m.Part;
        var mask = bit | (m.IsLastPart ? LastPartBit : 0);

        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.IngestionChunks
            .Where(c => c.Id == m.ChunkId && (c.PartsLoaded & bit) == 0 &&
                        (c.Status == ChunkStatuses.Dispatched || c.Status == ChunkStatuses.Collecting || c.Status == ChunkStatuses.Pending))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.PartsLoaded, c => c.PartsLoaded | mask)
                .SetProperty(c => c.RecordsCollected, c => c.RecordsCollected + m.Rows.Count)
                .SetProperty(c => c.RecordsLoaded, c => c.RecordsLoaded + rows.Count)
                .SetProperty(c => c.RecordsRejected, c => c.RecordsRejected + m.RejectedCount)
                .SetProperty(c => c.ProgressAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (claimed == 0)
            return null;

        var table = SeriesTable.For(assetType);
        var begun = loaded.Begin();
        var range = await writer.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), table, assetId, m.Interval, rows, ct);
        await VintageWriter.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), db.Provider, assetId, m.Vintages, ct);
        if (rows.Count > 0)
        {
            var lastBar = await SeriesLastBar.ReadAsync(db, table, assetId, m.Interval, ct);
            db.EnqueuePublish(new SeriesUpdated(assetId, m.Symbol, assetType, m.Interval, rows[0].Time, rows[^1].Time, rows.Count,
                lastBar, m.Source, m.RequestId, now), m.RequestId);
        }

        await rejections.StageAsync(m, assetId, now, ct);

        var chunk = await db.IngestionChunks.AsNoTracking().FirstAsync(c => c.Id == m.ChunkId, ct);
        if (IsComplete(chunk.PartsLoaded))
        {
            await db.IngestionChunks.Where(c => c.Id == m.ChunkId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ChunkStatuses.Succeeded)
                .SetProperty(c => c.FinishedAt, now)
                .SetProperty(c => c.ErrorClass, (string?)null)
                .SetProperty(c => c.ErrorMessage, (string?)null), ct);
            db.EnqueuePublish(new ChunkFinished(chunk.RequestId, chunk.Id, chunk.Symbol, chunk.RecordsCollected,
                chunk.RecordsLoaded, chunk.RecordsRejected, null, null), chunk.RequestId);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (rows.Count > 0)
            loaded.Complete(begun, assetId, m.Interval, rows[0].Time.AsUtc(), rows[^1].Time.AsUtc(), range);
        return rows.Count;
    }

    /// <summary>The last part was seen and every part before it is in.</summary>
    public static bool IsComplete(int partsLoaded)
    {
        if ((partsLoaded & LastPartBit) == 0)
            return false;
        var parts = partsLoaded & (LastPartBit - 1);
        return parts != 0 && (parts & (parts + 1)) == 0;
    }
}
