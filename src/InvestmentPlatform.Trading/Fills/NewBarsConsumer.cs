using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// New bars are in: the loader announces each committed part of a series (<see cref="SeriesUpdated"/>, published in the
/// rows' transaction), so the orders on that asset are worked over the bars they have not seen. The engine reads what
/// an order has not seen, whichever part brought it, so the parts of a batch (<see cref="NewBarsConsumerDefinition"/>)
/// work each series once. A redelivery finds nothing new.
/// </summary>
public sealed class NewBarsConsumer(PaperFillEngine engine) : IConsumer<Batch<SeriesUpdated>>
{
    public async Task Consume(ConsumeContext<Batch<SeriesUpdated>> context)
    {
        foreach (var (assetId, interval) in context.Message.Select(c => c.Message).Where(m => m.Rows > 0).Select(m => (m.AssetId, m.Interval)).Distinct())
            await engine.OnBarsAsync(assetId, interval, context.CancellationToken);
    }
}
