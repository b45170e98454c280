using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Incremental;

namespace InvestmentPlatform.Ingestion.Coordinator;

/// <summary>Cuts windows into chunks no longer than the source allows and no bigger than ChunkMaxBars.</summary>
public static class ChunkPlanner
{
    public static IEnumerable<TimeWindow> Split(IEnumerable<TimeWindow> windows, SourceDescriptor? source, string interval, int chunkMaxBars)
    {
        var span = TimeSpan.FromTicks(BarIntervals.Length(interval).Ticks * chunkMaxBars);
        if (source is not null && source.MaxWindowDays.TryGetValue(interval, out var days) && days is { } d && TimeSpan.FromDays(d) < span)
            span = TimeSpan.FromDays(d);
        foreach (var w in windows)
        {
            for (var start = w.From; start < w.To; start += span)
                yield return new(start, start + span < w.To ? start + span : w.To);
        }
    }
}
