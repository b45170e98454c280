using InvestmentPlatform.Contracts.Ingestion;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>What to read: one asset's series in one stored interval, optionally resampled and adjusted.</summary>
public sealed record BarsPlan(
    BarColumns Table,
    long AssetId,
    string BaseInterval,
    string Interval,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<AdjustmentSegment> Segments,
    int? Limit,
    bool IncludeQuarantined = false,
    CurrencyConversion? Conversion = null,
    DateTime? AsOf = null);

/// <summary>
/// Builds the bars query, columns (time, open, high, low, close, adj_close, volume) in ascending time. Resampling buckets
/// with TimescaleDB's time_bucket where the extension is installed, PostgreSQL's date_bin otherwise and unix-epoch
/// arithmetic on SQLite; buckets are aligned to Monday 1969-12-29 00:00 UTC so days start at midnight and weeks on Monday.
/// A currency conversion multiplies each stored bar's prices by its rate before resampling, so a week's close is
/// converted at its last day's rate; an eighth column, missing_at, holds the first bar time that has no rate.
/// </summary>
public static class BarsSql
{
    private static readonly DateTime Origin = new(1969, 12, 29, 0, 0, 0, DateTimeKind.Utc);
    private const long OriginUnixSeconds = -259_200;
    private const string SqliteTime = "yyyy-MM-dd HH:mm:ss";

    /// <param name="firstMissingRate">
    /// Instead of the bars, the first bar time in the answer that the conversion has no rate for (no row when all have one).
    /// </param>
    public static DbCommand Build(DbConnection connection, DatabaseProvider provider, bool timescale, BarsPlan plan, bool firstMissingRate = false)
    {
        var cmd = connection.CreateCommand();
        var postgres = provider == DatabaseProvider.Postgres;
        var t = plan.Table;
        var adjusted = plan.Segments.Count > 0;
        var resample = plan.Interval != plan.BaseInterval;

        var sql = new StringBuilder();
        if (adjusted)
        {
            sql.Append(postgres
                ? "WITH seg AS (SELECT * FROM unnest(@seg_from, @seg_to, @seg_pf, @seg_vf) AS s(f, t, pf, vf)),\n"
                : "WITH seg AS (SELECT json_extract(value, '$.f') AS f, json_extract(value, '$.t') AS t, json_extract(value, '$.pf') AS pf, json_extract(value, '$.vf') AS vf FROM json_each(@segments)),\n");
            if (postgres)
            {
                cmd.With("seg_from", plan.Segments.Select(s => s.From).ToArray())
                    .With("seg_to", plan.Segments.Select(s => s.To).ToArray())
                    .With("seg_pf", plan.Segments.Select(s => s.PriceFactor).ToArray())
                    .With("seg_vf", plan.Segments.Select(s => s.VolumeFactor).ToArray());
            }
            else
            {
                cmd.With("segments", JsonSerializer.Serialize(plan.Segments.Select(s => new
                {
                    f = s.From.ToString(SqliteTime, CultureInfo.InvariantCulture),
                    t = s.To.ToString(SqliteTime, CultureInfo.InvariantCulture),
                    pf = s.PriceFactor,
                    vf = s.VolumeFactor,
                })));
            }
        }
        else
        {
            sql.Append("WITH ");
        }

        if (plan.AsOf is { } asOf)
        {
            // The values published on that day: each observation's vintage whose real-time period covers it.
            sql.Append("""
                src AS (
                  SELECT d.time AS time, d.value AS open, d.value AS high, d.value AS low, d.value AS close,
                         CAST(NULL AS DOUBLE PRECISION) AS adj_close, CAST(NULL AS DOUBLE PRECISION) AS volume
                  FROM series_vintages d
                  WHERE d.asset_id = @asset AND d.valid_from <= @as_of AND (d.valid_to IS NULL OR d.valid_to >= @as_of)
                """);
            cmd.With("asset", plan.AssetId).With("as_of", asOf);
            AppendRange(sql, cmd, plan);
        }
        else
        {
            var pf = adjusted ? " * COALESCE(seg.pf, 1)" : "";
            var vf = adjusted ? " * COALESCE(seg.vf, 1)" : "";
            sql.Append($"""
                src AS (
                  SELECT d.time AS time, d.{t.Open}{pf} AS open, d.{t.High}{pf} AS high, d.{t.Low}{pf} AS low, d.{t.Close}{pf} AS close,
                         {Column(t.AdjClose)} AS adj_close, {Column(t.Volume)}{vf} AS volume
                  FROM {t.Name} d {(adjusted ? "LEFT JOIN seg ON d.time >= seg.f AND d.time < seg.t" : "")}
                  WHERE d.asset_id = @asset AND d.interval = @interval
                """);
            cmd.With("asset", plan.AssetId).With("interval", plan.BaseInterval);
            AppendRange(sql, cmd, plan);
            // quality=clean: bars a quality check quarantined stay stored but are left out until a person accepts them.
            if (!plan.IncludeQuarantined)
                sql.Append(" AND NOT EXISTS (SELECT 1 FROM quality_findings q WHERE q.asset_id = d.asset_id AND q.interval = d.interval AND q.bar_time = d.time AND q.quarantined)");
        }
        sql.Append(")\n");

        var converted = plan.Conversion is { IsIdentity: false } conversion;
        if (converted)
            sql.Append(ConversionCte(plan.Conversion!, postgres, cmd));
        var rows = converted ? "conv" : "src";
        var missing = converted ? (resample ? ", MIN(missing_at) AS missing_at" : ", missing_at") : "";

        string select;
        if (!resample)
            select = $"SELECT time, open, high, low, close, adj_close, volume{missing} FROM {rows}";
        else if (postgres)
        {
            var bucket = BucketPostgres(plan.Interval, timescale, cmd);
            select = timescale
                ? $"SELECT {bucket} AS time, first(open, time) AS open, max(high) AS high, min(low) AS low, last(close, time) AS close, last(adj_close, time) AS adj_close, sum(volume) AS volume{missing} FROM {rows} GROUP BY 1"
                : $"SELECT {bucket} AS time, (array_agg(open ORDER BY time))[1] AS open, max(high) AS high, min(low) AS low, (array_agg(close ORDER BY time DESC))[1] AS close, (array_agg(adj_close ORDER BY time DESC))[1] AS adj_close, sum(volume) AS volume{missing} FROM {rows} GROUP BY 1";
        }
        else
        {
            var bucket = BucketSqlite(plan.Interval, cmd);
            select = $"""
                SELECT bucket AS time, MAX(CASE WHEN rn_first = 1 THEN open END) AS open, MAX(high) AS high, MIN(low) AS low,
                       MAX(CASE WHEN rn_last = 1 THEN close END) AS close, MAX(CASE WHEN rn_last = 1 THEN adj_close END) AS adj_close, SUM(volume) AS volume{missing}
                FROM (SELECT b.*, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY time) AS rn_first,
                             ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY time DESC) AS rn_last
                      FROM (SELECT {bucket} AS bucket, {rows}.* FROM {rows}) b) r
                GROUP BY bucket
                """;
        }

        string answer;
        if (plan.Limit is { } limit)
        {
            // The newest bars of the range, still answered oldest first.
            answer = $"SELECT * FROM ({select} ORDER BY 1 DESC LIMIT @limit) newest ORDER BY time";
            cmd.With("limit", limit);
        }
        else
        {
            answer = select + " ORDER BY 1";
        }
        sql.Append(firstMissingRate && converted
            ? $"SELECT missing_at FROM ({answer}) a WHERE missing_at IS NOT NULL ORDER BY missing_at LIMIT 1"
            : answer);
        cmd.CommandText = sql.ToString();
        return cmd;

        // A typed NULL: PostgreSQL has no sum() over an untyped one.
        static string Column(string expression) => expression == "NULL" ? "CAST(NULL AS DOUBLE PRECISION)" : $"d.{expression}";
    }

    private static void AppendRange(StringBuilder sql, DbCommand cmd, BarsPlan plan)
    {
        if (plan.From is { } from)
        {
            sql.Append(" AND d.time >= @from");
            cmd.With("from", from);
        }
        if (plan.To is { } to)
        {
            sql.Append(" AND d.time <= @to");
            cmd.With("to", to);
        }
    }

    /// <summary>
    /// conv: src in the target currency. Each leg's rate is its last stored close at or before the bar, no older than
    /// the maximum age and not quarantined, found through the series' (asset, interval, time) key; a missing one leaves
    /// the rate NULL, so the prices are NULL and missing_at names the bar, never a rate of 1.
    /// </summary>
    private static string ConversionCte(CurrencyConversion conversion, bool postgres, DbCommand cmd)
    {
        var oldest = postgres ? "src.time - @fx_age" : "datetime(src.time, @fx_age)";
        cmd.With("fx_factor", conversion.Factor)
            .With("fx_age", postgres ? conversion.MaxRateAge : $"-{(long)conversion.MaxRateAge.TotalSeconds} seconds");
        var rate = new StringBuilder("@fx_factor");
        for (var i = 0; i < conversion.Legs.Count; i++)
        {
            var leg = conversion.Legs[i];
            cmd.With($"fx_asset{i}", leg.AssetId).With($"fx_interval{i}", leg.Interval);
            rate.Append(leg.Invert ? " / " : " * ").Append($"""
                (SELECT f.close FROM forex_rates f WHERE f.asset_id = @fx_asset{i} AND f.interval = @fx_interval{i}
                   AND f.time <= src.time AND f.time >= {oldest} AND f.close > 0
                   AND NOT EXISTS (SELECT 1 FROM quality_findings q WHERE q.asset_id = f.asset_id AND q.interval = f.interval AND q.bar_time = f.time AND q.quarantined)
                 ORDER BY f.time DESC LIMIT 1)
                """);
        }
        return $"""
            , conv AS (
              SELECT time, open * rate AS open, high * rate AS high, low * rate AS low, close * rate AS close, adj_close * rate AS adj_close,
                     volume, CASE WHEN rate IS NULL THEN time END AS missing_at
              FROM (SELECT src.*, {rate} AS rate FROM src) r
            )

            """;
    }

    private static string BucketPostgres(string interval, bool timescale, DbCommand cmd)
    {
        if (interval == "1mo")
            return "date_trunc('month', time, 'UTC')";
        cmd.With("width", BarIntervals.Length(interval)).With("origin", Origin);
        return timescale ? "time_bucket(@width, time, @origin)" : "date_bin(@width, time, @origin)";
    }

    private static string BucketSqlite(string interval, DbCommand cmd)
    {
        if (interval == "1mo")
            return "strftime('%Y-%m-01 00:00:00', time)";
        cmd.With("width", (long)BarIntervals.Length(interval).TotalSeconds).With("origin", OriginUnixSeconds);
        return "datetime((CAST(strftime('%s', time) AS INTEGER) - @origin) / @width * @width + @origin, 'unixepoch')";
    }
}
