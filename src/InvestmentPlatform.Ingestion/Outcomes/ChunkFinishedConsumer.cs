using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>Tallies a finished chunk into its request (and the requests coalesced onto it) and dispatches more work.</summary>
public sealed class ChunkFinishedConsumer(PlatformDbContext db, ChunkOutcomes outcomes, RequestTally tally, ChunkDispatcher dispatcher)
    : IConsumer<ChunkFinished>
{
    public async Task Consume(ConsumeContext<ChunkFinished> context)
    {
        var ct = context.CancellationToken;
        var m = context.Message;
        var followers = await outcomes.SettleCoalescedAsync(m.ChunkId, ct);
        await tally.RefreshAsync(m.RequestId, ct);
        foreach (var requestId in followers)
            await tally.RefreshAsync(requestId, ct);

        var source = await db.IngestionRequests.Where(r => r.Id == m.RequestId).Select(r => r.Source).FirstOrDefaultAsync(ct);
        if (source is not null)
            await dispatcher.DispatchAsync(source, ct);
    }
}
