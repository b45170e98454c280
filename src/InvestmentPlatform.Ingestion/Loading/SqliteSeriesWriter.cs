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

    public async Task<IReadOnlyList<SeriesRow>?> WriteAsync(DbConnection connection, DbTransaction transaction, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        rows = SeriesRows.Distinct(rows);
        if (rows.Count == 0)
            return [];
        bool rangeWasEmpty;
        await using (var probe = connection.CreateCommand())
        {
            // One writer at a time on SQLite: an asset that exists in the load's transaction is not deleted beside it,
            // and a range that held no rows holds exactly the part's once it is written.
            probe.Transaction = transaction;
            probe.CommandText =
                "SELECT (SELECT 1 FROM assets WHERE asset_id = $asset), " +
                $"NOT EXISTS (SELECT 1 FROM {table.Name} WHERE asset_id = $asset AND \"interval\" = $interval AND \"time\" BETWEEN $from AND $to)";
            probe.AddParameter("$asset", assetId);
            probe.AddParameter("$interval", interval);
            probe.AddParameter("$from", Text(rows[0].Time));
            probe.AddParameter("$to", Text(rows[^1].Time));
            await using var reader = await probe.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0))
                throw new UnknownAssetException(assetId);
            rangeWasEmpty = reader.GetBoolean(1);
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
            time.Value = Text(r.Time);
            foreach (var (column, p) in values)
                p.Value = column.Read(r) is { } value ? value : DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // Over stored rows an upsert does not say which it replaced: what follows the load reads the range back.
        return rangeWasEmpty ? rows : null;
    }

    private static string Text(DateTime time) => time.AsUtc().ToString(TimeFormat, CultureInfo.InvariantCulture);
}
