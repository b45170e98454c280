using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Quality.Running;

/// <summary>Checks each committed load of a series: the loader announces it with <see cref="SeriesUpdated"/>.</summary>
public sealed class SeriesQualityConsumer(SeriesQualityRunner runner) : IConsumer<SeriesUpdated>
{
    public async Task Consume(ConsumeContext<SeriesUpdated> context)
    {
        var m = context.Message;
        // Two parts of one series checked at once can both insert the same new finding; the second run then sees the first's rows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runner.RunAsync(m.AssetId, m.Interval, m.From, m.To, m.LastBar.Time, context.CancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }
}
