using InvestmentPlatform.Data;
using System.Data.Common;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;
using Npgsql;
using NpgsqlTypes;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>
/// Binary COPY. When the target range holds no rows yet, COPY goes straight into the table (the common first load).
/// A re-load reads the range's stored rows, deletes those whose values changed and COPYs them with the new ones, so
/// unchanged rows are not touched; when a concurrent load stored one of the same keys first, the part goes through
/// a temporary staging table and INSERT … ON CONFLICT (asset_id, interval, time) DO UPDATE instead, which is correct
/// under any race but costs twice as much per row. The asset is checked and locked once per load (the tables have no
/// per-row foreign key).
/// </summary>
public sealed class PostgresSeriesWriter : ISeriesWriter
{
    /// <summary>Big loads on a busy server outlast Npgsql's 30-second default; a stuck one still ends.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<SeriesRow>?> WriteAsync(DbConnection connection, DbTransaction transaction, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        rows = SeriesRows.Distinct(rows);
        if (rows.Count == 0)
            return [];
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = table.Columns.Select(c => c.Name).ToList();
        var all = $"{SeriesTable.KeySql}, {string.Join(", ", columns)}";
        await LockAssetAsync(conn, tx, assetId, ct);

        var copied = rows;
        var stored = await ReadStoredAsync(conn, tx, table, assetId, interval, rows[0].Time, rows[^1].Time, ct);
        List<SeriesRow> changed = [];
        if (stored.Count > 0)
        {
            copied = [.. rows.Where(r => !stored.TryGetValue(r.Time.AsUtc(), out var values) || !SameValues(table, r, values))];
            if (copied.Count == 0)
                return RangeAsStored(table, rows, stored);
            changed = [.. copied.Where(r => stored.ContainsKey(r.Time.AsUtc()))];
        }
        await tx.SaveAsync("direct_copy", ct);
        try
        {
            // Every stored row of the range changed (a corrected re-load): the range goes whole, by its key. A row that
            // a concurrent load committed there since the read would go with it: then the part takes the staging path.
            var whole = changed.Count > 0 && changed.Count == stored.Count;
            if (await DeleteAsync(conn, tx, table, assetId, interval, changed, whole, ct) == changed.Count)
            {
                await CopyAsync(conn, $"COPY {table.Name} ({all}) FROM STDIN (FORMAT BINARY)", table, assetId, interval, copied, ct);
                await tx.ReleaseAsync("direct_copy", ct);
                return RangeAsStored(table, rows, stored);
            }
            await tx.RollbackAsync("direct_copy", ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackAsync("direct_copy", ct);
        }

        var stage = $"ip_stage_{table.Name}";
        await ExecuteAsync(conn, tx, $"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {table.Name}) ON COMMIT DELETE ROWS; TRUNCATE {stage}", ct);
        await CopyAsync(conn, $"COPY {stage} ({all}) FROM STDIN (FORMAT BINARY)", table, assetId, interval, rows, ct);
        var set = string.Join(", ", columns.Select(c => $"{c} = EXCLUDED.{c}"));
        var mine = string.Join(", ", columns.Select(c => $"{table.Name}.{c}"));
        var theirs = string.Join(", ", columns.Select(c => $"EXCLUDED.{c}"));
        await ExecuteAsync(conn, tx,
            $"INSERT INTO {table.Name} ({all}) SELECT {all} FROM {stage} " +
            $"ON CONFLICT ({SeriesTable.KeySql}) DO UPDATE SET {set} WHERE ({mine}) IS DISTINCT FROM ({theirs})", ct);
        // A concurrent load stored rows in this range too: which, only a read would tell.
        return null;
    }

    /// <summary>The part's rows with the stored rows of its range that it did not replace, oldest first.</summary>
    private static IReadOnlyList<SeriesRow> RangeAsStored(SeriesTable table, IReadOnlyList<SeriesRow> rows, Dictionary<DateTime, double?[]> stored)
    {
        if (stored.Count == 0)
            return rows;
        var times = rows.Select(r => r.Time.AsUtc()).ToHashSet();
        return [.. rows.Concat(stored.Where(s => !times.Contains(s.Key)).Select(s => table.RowOf(s.Key, s.Value))).OrderBy(r => r.Time)];
    }

    /// <summary>
    /// Holds the asset's row until the load commits: a delete of the asset waits for it and then deletes these rows
    /// with the rest of its series; a load after a delete finds no asset and stores nothing.
    /// </summary>
    private static async Task LockAssetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long assetId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM assets WHERE asset_id = $1 FOR KEY SHARE", conn, tx);
        cmd.Parameters.Add(new() { Value = assetId, NpgsqlDbType = NpgsqlDbType.Bigint });
        if (await cmd.ExecuteScalarAsync(ct) is null)
            throw new UnknownAssetException(assetId);
    }

    /// <summary>The stored values of the range, by bar time, in the order of the table's value columns.</summary>
    private static async Task<Dictionary<DateTime, double?[]>> ReadStoredAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SeriesTable table,
        long assetId, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT \"time\", {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} " +
            "WHERE asset_id = $1 AND \"interval\" = $2 AND \"time\" BETWEEN $3 AND $4", conn, tx)
        { CommandTimeout = (int)CommandTimeout.TotalSeconds };
        AddRange(cmd, assetId, interval, from, to);
        var stored = new Dictionary<DateTime, double?[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new double?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i + 1) ? null : reader.GetDouble(i + 1);
            stored[reader.GetDateTime(0).AsUtc()] = values;
        }
        return stored;
    }

    private static bool SameValues(SeriesTable table, SeriesRow row, double?[] stored)
    {
        for (var i = 0; i < stored.Length; i++)
            if (table.Columns[i].Read(row) != stored[i])
                return false;
        return true;
    }

    /// <returns>Rows deleted.</returns>
    private static async Task<int> DeleteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, bool wholeRange, CancellationToken ct)
    {
        if (rows.Count == 0)
            return 0;
        await using var cmd = new NpgsqlCommand(
            $"DELETE FROM {table.Name} WHERE asset_id = $1 AND \"interval\" = $2 AND \"time\" BETWEEN $3 AND $4" +
            (wholeRange ? "" : " AND \"time\" = ANY($5)"), conn, tx)
        { CommandTimeout = (int)CommandTimeout.TotalSeconds };
        AddRange(cmd, assetId, interval, rows.Min(r => r.Time), rows.Max(r => r.Time));
        if (!wholeRange)
            cmd.Parameters.Add(new() { Value = rows.Select(r => r.Time.AsUtc()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>$1 to $4: the series and the range of times a command reads or deletes.</summary>
    private static void AddRange(NpgsqlCommand cmd, long assetId, string interval, DateTime from, DateTime to)
    {
        cmd.Parameters.Add(new() { Value = assetId, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = interval, NpgsqlDbType = NpgsqlDbType.Varchar });
        cmd.Parameters.Add(new() { Value = from.AsUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = to.AsUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = (int)CommandTimeout.TotalSeconds };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection conn, string copy, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        await using var importer = await conn.BeginBinaryImportAsync(copy, ct);
        importer.Timeout = CommandTimeout;
        SeriesColumn[] columns = [.. table.Columns];
        // Synchronous writes only fill Npgsql's buffer; per-value async calls would cost more than the I/O they save.
        foreach (var r in rows)
        {
            importer.StartRow();
            importer.Write(assetId, NpgsqlDbType.Bigint);
            importer.Write(interval, NpgsqlDbType.Varchar);
            importer.Write(r.Time.AsUtc(), NpgsqlDbType.TimestampTz);
            foreach (var column in columns)
            {
                if (column.Read(r) is { } value)
                    importer.Write(value, NpgsqlDbType.Double);
                else
                    importer.WriteNull();
            }
        }
        await importer.CompleteAsync(ct);
    }
}
