using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Quality.Checks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// Checks the committed loads of a series: the loader announces each part with <see cref="SeriesUpdated"/>, and a load
/// of a million rows is two hundred parts of one series. They arrive as a batch once the parts stop coming
/// (<see cref="SeriesQualityConsumerDefinition"/>), so a series is checked once over the parts' joined range, in
/// slices of bounded size, instead of once per part while the load still runs; and one batch at a time, so two checks
/// of one series in one process never race on the same finding.
/// </summary>
public sealed class SeriesQualityConsumer(SeriesQualityRunner runner, IOptions<QualityOptions> options) : IConsumer<Batch<SeriesUpdated>>
{
    public async Task Consume(ConsumeContext<Batch<SeriesUpdated>> context)
    {
        var ct = context.CancellationToken;
        foreach (var series in context.Message.Select(c => c.Message).GroupBy(m => (m.AssetId, m.Interval)))
        {
            var lastBar = series.Max(m => m.LastBar.Time);
            var ranges = QualityRanges.Join(series.Select(m => (m.From, m.To)), series.Key.Interval, options.Value.LookbackBars);
            foreach (var (from, to) in QualityRanges.Slice(ranges, series.Key.Interval))
                await RunAsync(series.Key.AssetId, series.Key.Interval, from, to, lastBar, ct);
        }
    }

    private async Task RunAsync(long assetId, string interval, DateTime from, DateTime to, DateTime lastBar, CancellationToken ct)
    {
        // Another worker checking the same series at once can insert the same new finding first; the next try sees its rows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runner.RunAsync(assetId, interval, from, to, lastBar, ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }
}
