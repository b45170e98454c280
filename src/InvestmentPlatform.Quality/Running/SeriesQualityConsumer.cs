using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;
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
/// of one series in one process never race on the same finding. The rows a part's load committed are still in memory
/// when its check runs (<see cref="LoadedRanges"/>), so the check reads only its look-back from the database.
/// </summary>
public sealed class SeriesQualityConsumer(SeriesQualityRunner runner, LoadedRanges loaded, IOptions<QualityOptions> options)
    : IConsumer<Batch<SeriesUpdated>>
{
    public Task Consume(ConsumeContext<Batch<SeriesUpdated>> context) =>
        CheckAsync(context.Message.Select(c => c.Message), context.CancellationToken);

    /// <summary>Checks each series the parts belong to over their joined range, in slices.</summary>
    public async Task CheckAsync(IEnumerable<SeriesUpdated> parts, CancellationToken ct)
    {
        foreach (var series in parts.GroupBy(m => (m.AssetId, m.Interval)))
        {
            var (assetId, interval) = series.Key;
            var lastBar = series.Max(m => m.LastBar.Time);
            var ranges = QualityRanges.Join(series.Select(m => (m.From, m.To)), interval, options.Value.LookbackBars);
            var kept = loaded.Kept(assetId, interval, ranges[0].From, ranges[^1].To);
            foreach (var (from, to) in QualityRanges.Slice(ranges, interval))
                await RunAsync(assetId, interval, from, to, lastBar, ct);
            loaded.Release(kept);
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
