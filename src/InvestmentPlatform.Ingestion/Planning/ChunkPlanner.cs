using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Incremental;

namespace InvestmentPlatform.Ingestion.Planning;

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
        var bar = BarIntervals.Length(interval).Ticks;
        var bars = Math.Max(1, chunkMaxBars);
        var span = TimeSpan.FromTicks(bar > TimeSpan.MaxValue.Ticks / bars ? TimeSpan.MaxValue.Ticks : bar * bars);
        if (source is not null && source.MaxWindowDays.TryGetValue(interval, out var days) && days is { } d && TimeSpan.FromDays(d) < span)
            span = TimeSpan.FromDays(d);
        foreach (var w in windows)
        {
            // Compared as a distance so that start + span is computed only when it lies before the window's end.
            for (var start = w.From; start < w.To;)
            {
                var end = w.To - start <= span ? w.To : start + span;
                yield return new(start, end);
                start = end;
            }
        }
    }
}
