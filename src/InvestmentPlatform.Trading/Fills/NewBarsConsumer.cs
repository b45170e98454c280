using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// New bars are in: a chunk finished loading (its rows are committed before <see cref="ChunkFinished"/> leaves the
/// outbox), so the orders on its symbol are worked over the bars they have not seen. A redelivery finds nothing new.
/// </summary>
public sealed class NewBarsConsumer(PlatformDbContext db, PaperFillEngine engine) : IConsumer<ChunkFinished>
{
    public async Task Consume(ConsumeContext<ChunkFinished> context)
    {
        var m = context.Message;
        if (m.ErrorClass is not null || m.RecordsLoaded == 0)
            return;
        var ct = context.CancellationToken;
        var interval = await db.IngestionRequests.AsNoTracking().Where(r => r.Id == m.RequestId).Select(r => r.Interval).FirstOrDefaultAsync(ct);
        var assetId = await db.Assets.AsNoTracking().Where(a => a.Symbol == m.Symbol).Select(a => (long?)a.AssetId).FirstOrDefaultAsync(ct);
        if (interval is null || assetId is null)
            return;
        await engine.OnBarsAsync(assetId.Value, interval, ct);
    }
}
