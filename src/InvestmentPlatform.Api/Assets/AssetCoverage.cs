using InvestmentPlatform.Contracts.Ingestion;
using System.Data.Common;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.Assets;

public sealed record CoverageDto(string Symbol, IReadOnlyList<SeriesCoverage> Series);

public sealed record SeriesCoverage(
    string Interval, string Table, DateTime FirstTime, DateTime LastTime, long RowCount, long ExpectedBars, IReadOnlyList<CoverageGap> Gaps);

/// <param name="From">Last bar before the hole.</param>
/// <param name="To">First bar after the hole.</param>
public sealed record CoverageGap(DateTime From, DateTime To, long MissingBars);

/// <summary>
/// First and last bar, row count and holes per stored interval. Crypto trades around the clock; every other asset type
/// is expected on weekdays only, and intraday holes shorter than 18 weekday hours are session breaks, not gaps.
/// expectedBars is rowCount plus the missing bars of every gap.
/// </summary>
public sealed class AssetCoverage(SeriesConnections connections)
{
    public const int MaxGapsListed = 1000;
    private static readonly TimeSpan SessionBreak = TimeSpan.FromHours(18);

    public async Task<CoverageDto> ReadAsync(Asset asset, CancellationToken ct)
    {
        var table = BarColumns.For(asset.AssetType);
        var continuous = asset.AssetType == AssetTypes.Crypto;
        await using var connection = await connections.OpenAsync(ct);

        var intervals = await StoredIntervals.ReadAsync(connection, table, asset.AssetId, ct);

        var series = new List<SeriesCoverage>();
        foreach (var interval in intervals)
            series.Add(await ReadSeriesAsync(connection, table, asset.AssetId, interval, continuous, ct));
        return new CoverageDto(asset.Symbol, series);
    }

    private static async Task<SeriesCoverage> ReadSeriesAsync(
        DbConnection connection, BarColumns table, long assetId, string interval, bool continuous, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT time FROM {table.Name} WHERE asset_id = @asset AND interval = @interval ORDER BY time";
        cmd.With("asset", assetId).With("interval", interval);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        DateTime? first = null, previous = null;
        long rows = 0, missingTotal = 0;
        var gaps = new List<CoverageGap>();
        while (await reader.ReadAsync(ct))
        {
            var time = reader.GetUtc(0);
            first ??= time;
            rows++;
            if (previous is { } p)
            {
                var missing = Missing(p, time, interval, continuous);
                if (missing > 0)
                {
                    missingTotal += missing;
                    if (gaps.Count < MaxGapsListed)
                        gaps.Add(new CoverageGap(p, time, missing));
                }
            }
            previous = time;
        }
        return new SeriesCoverage(interval, table.Name, first!.Value, previous!.Value, rows, rows + missingTotal, gaps);
    }

    /// <summary>Bars that should lie strictly between two consecutive stored bars.</summary>
    internal static long Missing(DateTime a, DateTime b, string interval, bool continuous)
    {
        switch (interval)
        {
            case "1mo":
                return Math.Max(0, (b.Year - a.Year) * 12 + b.Month - a.Month - 1);
            case "1wk":
                return Math.Max(0, (long)Math.Round((b - a).TotalDays / 7) - 1);
            case "1d":
                return continuous
                    ? Math.Max(0, (long)Math.Round((b.Date - a.Date).TotalDays) - 1)
                    : Weekdays(a.Date.AddDays(1), b.Date);
        }

        var step = BarIntervals.IsKnown(interval) ? BarIntervals.Length(interval) : TimeSpan.FromDays(1);
        if (continuous)
            return Math.Max(0, (long)((b - a).Ticks / step.Ticks) - 1);
        var open = WeekdayDuration(a + step, b);
        return open >= SessionBreak ? open.Ticks / step.Ticks : 0;
    }

    /// <summary>Weekdays in [from, to).</summary>
    private static long Weekdays(DateTime from, DateTime to)
    {
        long count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                count++;
        return count;
    }

    private static TimeSpan WeekdayDuration(DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        for (var t = from; t < to;)
        {
            var next = t.Date.AddDays(1) < to ? t.Date.AddDays(1) : to;
            if (t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                total += next - t;
            t = next;
        }
        return total;
    }
}
