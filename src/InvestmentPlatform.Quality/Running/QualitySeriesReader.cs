using System.Data;
using System.Data.Common;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Quality.Checks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// Reads a window of one series as the checks' bars: the ranges this process's loader just committed from memory
/// (<see cref="LoadedRanges"/>), the rest (the look-back, what lies between them) from whichever table holds the series.
/// </summary>
public sealed class QualitySeriesReader(PlatformDbContext db, LoadedRanges loaded)
{
    /// <summary>Most stretches between kept ranges read in one query; a window cut finer is read whole.</summary>
    private const int MaxStretches = 64;

    /// <summary>Bars in [from, to], oldest first.</summary>
    public async Task<List<QualityBar>> ReadAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        var table = SeriesTable.For(assetType);
        var kept = loaded.Kept(assetId, interval, from, to);
        if (kept.Count == 0 || kept.Count >= MaxStretches)
            return await ReadStretchesAsync(table, assetId, interval, [Stretch.Whole(from, to)], ct);

        var stretches = new List<Stretch>();
        if (kept[0].From > from)
            stretches.Add(new(from, true, kept[0].From, false));
        for (var i = 1; i < kept.Count; i++)
            stretches.Add(new(kept[i - 1].To, false, kept[i].From, false));
        if (kept[^1].To < to)
            stretches.Add(new(kept[^1].To, false, to, true));
        var read = await ReadStretchesAsync(table, assetId, interval, stretches, ct);
        // The stretches lie between the kept ranges: merged in order, with no sort.
        var bars = new List<QualityBar>(read.Count + kept.Sum(r => r.Rows.Count));
        var columns = new BarColumns(table);
        var truncate = db.Provider == DatabaseProvider.Postgres;
        var next = 0;
        foreach (var range in kept)
        {
            while (next < read.Count && read[next].Time < range.From)
                bars.Add(read[next++]);
            foreach (var row in range.Rows)
            {
                var time = row.Time.AsUtc();
                if (time >= from && time <= to)
                    bars.Add(columns.Bar(truncate ? Microseconds(time) : time, row));
            }
        }
        while (next < read.Count)
            bars.Add(read[next++]);
        return bars;
    }

    /// <summary>Time of the series' first stored bar, or null when it has none.</summary>
    public Task<DateTime?> FirstTimeAsync(string assetType, long assetId, string interval, CancellationToken ct) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).MinAsync(r => (DateTime?)r.Time, ct);

    /// <summary>Stored bars in [from, to].</summary>
    public Task<int> CountAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).Where(r => r.Time >= from && r.Time <= to).CountAsync(ct);

    /// <remarks>
    /// A plain reader on the context's connection, not an EF query: a check reads up to a slice of 100,000 bars, and
    /// materialising them through EF was a third of a check's time.
    /// </remarks>
    private async Task<List<QualityBar>> ReadStretchesAsync(SeriesTable table, long assetId, string interval, List<Stretch> stretches, CancellationToken ct)
    {
        var bars = new List<QualityBar>();
        if (stretches.Count == 0)
            return bars;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            // Column names come from the table's description only; every value goes in as a parameter.
            var select = stretches.Select((s, i) =>
                $"SELECT \"time\", {new BarColumns(table).Sql} FROM {table.Name} WHERE asset_id = @asset AND \"interval\" = @interval " +
                $"AND \"time\" {(s.FromIncluded ? ">=" : ">")} @from{i} AND \"time\" {(s.ToIncluded ? "<=" : "<")} @to{i}").ToList();
            // One range scan of the key's index per stretch: with the stretches' conditions joined by OR, a check on a
            // series just written took almost three times as long in the pipeline.
            cmd.CommandText = select.Count == 1
                ? $"{select[0]} ORDER BY \"time\""
                : $"SELECT * FROM ({string.Join(" UNION ALL ", select)}) AS stretches ORDER BY \"time\"";
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.AddParameter("asset", assetId);
            cmd.AddParameter("interval", interval);
            for (var i = 0; i < stretches.Count; i++)
            {
                cmd.AddParameter($"from{i}", stretches[i].From);
                cmd.AddParameter($"to{i}", stretches[i].To);
            }
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                bars.Add(new QualityBar(reader.GetUtc(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                    reader.GetDouble(4), reader.GetNullableDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
            }
            return bars;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL keeps times to the microsecond: a kept row's time as the table holds it.</summary>
    private static DateTime Microseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private sealed record Stretch(DateTime From, bool FromIncluded, DateTime To, bool ToIncluded)
    {
        public static Stretch Whole(DateTime from, DateTime to) => new(from, true, to, true);
    }

    /// <summary>
    /// Each of a bar's values as a table keeps it (<see cref="SeriesTable.BarColumn"/>), read alike from its columns in
    /// SQL and from a row as the loader wrote it; dividends and splits a table does not keep are 0.
    /// </summary>
    private sealed class BarColumns(SeriesTable table)
    {
        // A typed zero: Npgsql reads an integer literal only as an integer.
        private const string Zero = "CAST(0 AS DOUBLE PRECISION)";

        private readonly SeriesColumn _open = table.BarColumn(SeriesField.Open)!;
        private readonly SeriesColumn _high = table.BarColumn(SeriesField.High)!;
        private readonly SeriesColumn _low = table.BarColumn(SeriesField.Low)!;
        private readonly SeriesColumn _close = table.BarColumn(SeriesField.Close)!;
        private readonly SeriesColumn? _volume = table.BarColumn(SeriesField.Volume);
        private readonly SeriesColumn? _dividends = table.BarColumn(SeriesField.Dividends);
        private readonly SeriesColumn? _splits = table.BarColumn(SeriesField.StockSplits);

        /// <summary>open, high, low, close, volume, dividends, splits.</summary>
        public string Sql =>
            $"{_open.Name}, {_high.Name}, {_low.Name}, {_close.Name}, {_volume?.Name ?? "NULL"}, {_dividends?.Name ?? Zero}, {_splits?.Name ?? Zero}";

        public QualityBar Bar(DateTime time, SeriesRow row) =>
            new(time, _open.Read(row)!.Value, _high.Read(row)!.Value, _low.Read(row)!.Value, _close.Read(row)!.Value,
                _volume?.Read(row), _dividends?.Read(row) ?? 0, _splits?.Read(row) ?? 0);
    }
}
