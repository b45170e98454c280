using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// New bars are in: the loader announces each committed part of a series (<see cref="SeriesUpdated"/>, published in the
/// rows' transaction), so the orders on that asset are worked over the bars they have not seen. A redelivery finds
/// nothing new.
/// </summary>
public sealed class NewBarsConsumer(PaperFillEngine engine) : IConsumer<SeriesUpdated>
{
    public async Task Consume(ConsumeContext<SeriesUpdated> context)
    {
        var m = context.Message;
        if (m.Rows > 0)
            await engine.OnBarsAsync(m.AssetId, m.Interval, context.CancellationToken);
    }
}
