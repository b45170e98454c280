using InvestmentPlatform.Data;
using InvestmentPlatform.Calendars;
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
/// First and last bar, row count and holes per stored interval, on the asset's exchange calendar (the one gap finding
/// and the quality checks use): a weekend or holiday is never a hole. Crypto trades around the clock, so every missing
/// bar is one; elsewhere an intraday hole counts only when a whole session lies inside it, since a thin market skips
/// bars without trades. expectedBars is rowCount plus the missing bars of every gap.
/// </summary>
public sealed class AssetCoverage(SeriesConnections connections)
{
    public const int MaxGapsListed = 1000;

    public async Task<CoverageDto> ReadAsync(Asset asset, CancellationToken ct)
    {
        var table = BarColumns.For(asset.AssetType);
        await using var connection = await connections.OpenAsync(ct);

        var intervals = await StoredIntervals.ReadAsync(connection, table, asset.AssetId, ct);

        var series = new List<SeriesCoverage>();
        foreach (var interval in intervals)
        {
            var calendar = ExchangeCalendars.ForAsset(asset.AssetType, asset.Exchange, asset.Symbol, interval);
            series.Add(await ReadSeriesAsync(connection, table, asset.AssetId, interval, calendar, asset.AssetType == AssetTypes.Crypto, ct));
        }
        return new CoverageDto(asset.Symbol, series);
    }

    private static async Task<SeriesCoverage> ReadSeriesAsync(
        DbConnection connection, BarColumns table, long assetId, string interval, IExchangeCalendar calendar, bool continuous, CancellationToken ct)
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
                var missing = Missing(calendar, p, time, interval, continuous);
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

    /// <summary>Bars the calendar expects strictly between two consecutive stored bars.</summary>
    internal static long Missing(IExchangeCalendar calendar, DateTime a, DateTime b, string interval, bool continuous)
    {
        var step = BarIntervals.IsKnown(interval) ? BarIntervals.Length(interval) : TimeSpan.FromDays(1);
        var from = a + step;
        if (from >= b)
            return 0;
        if (!continuous && step < TimeSpan.FromDays(1) && calendar.MissedBars(interval, from, b) == 0)
            return 0;
        return calendar.ExpectedBars(interval, from, b).LongCount();
    }
}
