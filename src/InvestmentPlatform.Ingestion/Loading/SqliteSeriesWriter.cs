using System.Data.Common;
using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>One prepared upsert reused for every row, inside the caller's transaction.</summary>
public sealed class SqliteSeriesWriter : ISeriesWriter
{
    /// <summary>EF Core's SQLite text format for DateTime, so EF reads and compares what we write.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, string table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        rows = SeriesColumns.Distinct(rows);
        if (rows.Count == 0)
            return 0;
        var columns = SeriesColumns.For(table);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            $"INSERT INTO {table} (asset_id, \"interval\", \"time\", {string.Join(", ", columns)}) " +
            $"VALUES ($asset, $interval, $time, {string.Join(", ", columns.Select(c => "$" + c))}) " +
            $"ON CONFLICT (asset_id, \"interval\", \"time\") DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";
        Add(cmd, "$asset", assetId);
        Add(cmd, "$interval", interval);
        var time = Add(cmd, "$time", "");
        var values = columns.ToDictionary(c => c, c => Add(cmd, "$" + c, 0d));
        await cmd.PrepareAsync(ct);

        foreach (var r in rows)
        {
            time.Value = SeriesColumns.Utc(r.Time).ToString(TimeFormat, CultureInfo.InvariantCulture);
            foreach (var (column, p) in values)
                p.Value = column switch
                {
                    "open" => r.Open,
                    "high" => r.High,
                    "low" => r.Low,
                    "adj_close" => r.AdjClose is { } a ? a : DBNull.Value,
                    "volume" => r.Volume is { } v ? v : DBNull.Value,
                    "dividends" => r.Dividends,
                    "stock_splits" => r.StockSplits,
                    _ => r.Close,
                };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return rows.Count;
    }

    private static DbParameter Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }
}
