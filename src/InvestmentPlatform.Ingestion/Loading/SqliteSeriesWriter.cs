using InvestmentPlatform.Data;
using System.Data.Common;
using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>One prepared upsert reused for every row, inside the caller's transaction, once the asset is found to exist.</summary>
public sealed class SqliteSeriesWriter : ISeriesWriter
{
    /// <summary>EF Core's SQLite text format for DateTime, so EF reads and compares what we write.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        rows = SeriesRows.Distinct(rows);
        if (rows.Count == 0)
            return 0;
        await using (var asset = connection.CreateCommand())
        {
            // One writer at a time on SQLite: an asset that exists in the load's transaction is not deleted beside it.
            asset.Transaction = transaction;
            asset.CommandText = "SELECT 1 FROM assets WHERE asset_id = $asset";
            asset.AddParameter("$asset", assetId);
            if (await asset.ExecuteScalarAsync(ct) is null)
                throw new UnknownAssetException(assetId);
        }
        var columns = table.Columns.Select(c => c.Name).ToList();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            $"INSERT INTO {table.Name} ({SeriesTable.KeySql}, {string.Join(", ", columns)}) " +
            $"VALUES ($asset, $interval, $time, {string.Join(", ", columns.Select(c => "$" + c))}) " +
            $"ON CONFLICT ({SeriesTable.KeySql}) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";
        cmd.AddParameter("$asset", assetId);
        cmd.AddParameter("$interval", interval);
        var time = cmd.AddParameter("$time", "");
        var values = table.Columns.Select(c => (Column: c, Parameter: cmd.AddParameter("$" + c.Name, 0d))).ToList();
        await cmd.PrepareAsync(ct);

        foreach (var r in rows)
        {
            time.Value = r.Time.AsUtc().ToString(TimeFormat, CultureInfo.InvariantCulture);
            foreach (var (column, p) in values)
                p.Value = column.Read(r) is { } value ? value : DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return rows.Count;
    }
}
