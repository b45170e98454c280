using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Incremental;

namespace InvestmentPlatform.Ingestion.Coordinator;

/// <summary>Cuts windows into chunks no longer than the source allows and no bigger than ChunkMaxBars.</summary>
public static class ChunkPlanner
{
    public static IEnumerable<TimeWindow> Split(IEnumerable<TimeWindow> windows, SourceDescriptor? source, string interval, int chunkMaxBars)
    {
        if (source?.OneChunkPerSymbol == true)
        {
            // The source reads its whole input for any window, so one chunk spanning every window reads it once.
            var all = windows.ToList();
            if (all.Count > 0)
                yield return new(all.Min(w => w.From), all.Max(w => w.To));
            yield break;
        }
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
