using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Rejections;

/// <summary>
/// Adds kept rejected rows to the caller's context, so they are saved in the caller's transaction with the state they
/// belong to: a loaded part's rows with the part, a coalesced chunk's copies with its outcome.
/// </summary>
public sealed class RejectionWriter(PlatformDbContext db, IOptions<IngestionOptions> options)
{
    /// <summary>The rows <paramref name="m"/> carries, within the bound per chunk and not yet stored.</summary>
    public async Task StageAsync(DataCollected m, long assetId, DateTime now, CancellationToken ct)
    {
        if (m.Rejected is not { Count: > 0 } rows)
            return;
        int first = m.FirstRejectedIndex, end = first + rows.Count;
        // The part's bit keeps a redelivered part out; a chunk collected again from a source whose answer changed may
        // still number a row that another part stored, and the row stored first stays.
        var stored = (await db.IngestionRejections.AsNoTracking()
            .Where(r => r.ChunkId == m.ChunkId && r.Ordinal >= first && r.Ordinal < end)
            .Select(r => r.Ordinal).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < rows.Count; i++)
        {
            var ordinal = first + i;
            if (ordinal < 0 || ordinal >= options.Value.RejectedRowsKeptPerChunk || stored.Contains(ordinal))
                continue;
            db.IngestionRejections.Add(New(m.RequestId, m.ChunkId, ordinal, assetId, m.Symbol, m.Source, m.Interval,
                ChunkRejections.ForWire(rows[i]), now));
        }
    }

    /// <summary>Copies of the leader chunk's rows for each chunk that waited for it, under the follower's request.</summary>
    public async Task StageCopiesAsync(Guid leaderChunkId, IReadOnlyList<IngestionChunk> followers, DateTime now, CancellationToken ct)
    {
        if (followers.Count == 0)
            return;
        var rows = await db.IngestionRejections.AsNoTracking().Where(r => r.ChunkId == leaderChunkId).ToListAsync(ct);
        foreach (var f in followers)
            foreach (var r in rows)
                db.IngestionRejections.Add(New(f.RequestId, f.Id, r.Ordinal, r.AssetId, r.Symbol, r.Source, r.Interval,
                    new RejectedRow(r.Time, r.Line, r.Reason, r.Open, r.High, r.Low, r.Close, r.Volume, r.Raw), now));
    }

    private static IngestionRejection New(Guid requestId, Guid chunkId, int ordinal, long assetId, string symbol, string source,
        string interval, RejectedRow row, DateTime now) => new()
    {
        RequestId = requestId, ChunkId = chunkId, Ordinal = ordinal, AssetId = assetId, Symbol = symbol, Source = source,
        Interval = interval, Time = row.Time, Line = row.Line, Open = row.Open, High = row.High, Low = row.Low,
        Close = row.Close, Volume = row.Volume, Raw = row.Raw, Reason = row.Reason, RecordedAt = now,
    };
}
