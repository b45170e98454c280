using InvestmentPlatform.Data;
using System.Data.Common;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Multiplies every bar before a corporate action so the series stays continuous across it: a 4-for-1 split divides
/// earlier prices by 4 (and multiplies volume by 4); in total-return mode a dividend D on an ex-date whose previous
/// close is C also scales earlier prices by (C - D) / C, as adjusted-close series do.
/// </summary>
/// <param name="From">Segment start, inclusive.</param>
/// <param name="To">Segment end (the ex-date of the next action), exclusive.</param>
public sealed record AdjustmentSegment(DateTime From, DateTime To, double PriceFactor, double VolumeFactor);

public static class Adjustment
{
    public static async Task<IReadOnlyList<AdjustmentSegment>> SegmentsAsync(
        DbConnection connection, long assetId, string mode, CancellationToken ct)
    {
        if (mode == "raw")
            return [];

        var events = new List<(DateTime Day, double Dividend, double Split, string Interval)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT time, dividends, stock_splits, interval FROM market_data
                WHERE asset_id = @asset AND (dividends <> 0 OR (stock_splits <> 0 AND stock_splits <> 1))
                ORDER BY time
                """;
            cmd.With("asset", assetId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                events.Add((reader.GetUtc(0).Date, reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3)));
        }

        // Daily and intraday rows may both carry the same action; one per day counts.
        var actions = new List<(DateTime Day, double Price, double Volume)>();
        foreach (var day in events.GroupBy(e => e.Day))
        {
            var e = day.OrderBy(x => x.Interval == "1d" ? 0 : 1).First();
            double price = 1, volume = 1;
            if (e.Split > 0 && e.Split != 1)
            {
                price /= e.Split;
                volume *= e.Split;
            }
            if (mode == "total-return" && e.Dividend > 0 &&
                await PreviousCloseAsync(connection, assetId, e.Interval, day.Key, ct) is { } close && close > e.Dividend)
                price *= (close - e.Dividend) / close;
            if (price != 1 || volume != 1)
                actions.Add((DateTime.SpecifyKind(day.Key, DateTimeKind.Utc), price, volume));
        }

        var segments = new List<AdjustmentSegment>();
        var start = DateTime.SpecifyKind(new DateTime(1, 1, 1), DateTimeKind.Utc);
        for (var k = 0; k < actions.Count; k++)
        {
            double pf = 1, vf = 1;
            for (var j = k; j < actions.Count; j++)
            {
                pf *= actions[j].Price;
                vf *= actions[j].Volume;
            }
            segments.Add(new AdjustmentSegment(start, actions[k].Day, pf, vf));
            start = actions[k].Day;
        }
        return segments;
    }

    private static async Task<double?> PreviousCloseAsync(DbConnection connection, long assetId, string interval, DateTime day, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT close FROM market_data WHERE asset_id = @asset AND interval = @interval AND time < @day
            ORDER BY time DESC LIMIT 1
            """;
        cmd.With("asset", assetId).With("interval", interval).With("day", DateTime.SpecifyKind(day, DateTimeKind.Utc));
        return await cmd.ExecuteScalarAsync(ct) is double close ? close : null;
    }
}
