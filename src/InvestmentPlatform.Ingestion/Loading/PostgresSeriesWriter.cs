using System.Data.Common;
using InvestmentPlatform.Contracts.Ingestion;
using Npgsql;
using NpgsqlTypes;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>
/// Binary COPY. When the target range holds no rows yet, COPY goes straight into the table (the common first load);
/// otherwise, or when a concurrent load got there first, into a temporary staging table and then
/// INSERT … ON CONFLICT (asset_id, interval, time) DO UPDATE, touching only rows whose values changed.
/// </summary>
public sealed class PostgresSeriesWriter : ISeriesWriter
{
    /// <summary>Big loads on a busy server outlast Npgsql's 30-second default; a stuck one still ends.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, string table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        rows = SeriesColumns.Distinct(rows);
        if (rows.Count == 0)
            return 0;
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = SeriesColumns.For(table);
        var all = $"asset_id, \"interval\", \"time\", {string.Join(", ", columns)}";

        if (!await AnyStoredAsync(conn, tx, table, assetId, interval, rows[0].Time, rows[^1].Time, ct))
        {
            await tx.SaveAsync("direct_copy", ct);
            try
            {
                await CopyAsync(conn, $"COPY {table} ({all}) FROM STDIN (FORMAT BINARY)", table, assetId, interval, rows, ct);
                await tx.ReleaseAsync("direct_copy", ct);
                return rows.Count;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await tx.RollbackAsync("direct_copy", ct);
            }
        }

        var stage = $"ip_stage_{table}";
        await ExecuteAsync(conn, tx, $"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {table}) ON COMMIT DELETE ROWS; TRUNCATE {stage}", ct);
        await CopyAsync(conn, $"COPY {stage} ({all}) FROM STDIN (FORMAT BINARY)", table, assetId, interval, rows, ct);
        var set = string.Join(", ", columns.Select(c => $"{c} = EXCLUDED.{c}"));
        var mine = string.Join(", ", columns.Select(c => $"{table}.{c}"));
        var theirs = string.Join(", ", columns.Select(c => $"EXCLUDED.{c}"));
        await ExecuteAsync(conn, tx,
            $"INSERT INTO {table} ({all}) SELECT {all} FROM {stage} " +
            $"ON CONFLICT (asset_id, \"interval\", \"time\") DO UPDATE SET {set} WHERE ({mine}) IS DISTINCT FROM ({theirs})", ct);
        return rows.Count;
    }

    private static async Task<bool> AnyStoredAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, long assetId,
        string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {table} WHERE asset_id = $1 AND \"interval\" = $2 AND \"time\" BETWEEN $3 AND $4)", conn, tx);
        cmd.Parameters.Add(new() { Value = assetId, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = interval, NpgsqlDbType = NpgsqlDbType.Varchar });
        cmd.Parameters.Add(new() { Value = SeriesColumns.Utc(from), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = SeriesColumns.Utc(to), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = (int)CommandTimeout.TotalSeconds };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection conn, string copy, string table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct)
    {
        await using var importer = await conn.BeginBinaryImportAsync(copy, ct);
        importer.Timeout = CommandTimeout;
        // Synchronous writes only fill Npgsql's buffer; per-value async calls would cost more than the I/O they save.
        foreach (var r in rows)
        {
            importer.StartRow();
            importer.Write(assetId, NpgsqlDbType.Bigint);
            importer.Write(interval, NpgsqlDbType.Varchar);
            importer.Write(SeriesColumns.Utc(r.Time), NpgsqlDbType.TimestampTz);
            switch (table)
            {
                case "market_data":
                    importer.Write(r.Open, NpgsqlDbType.Double);
                    importer.Write(r.High, NpgsqlDbType.Double);
                    importer.Write(r.Low, NpgsqlDbType.Double);
                    importer.Write(r.Close, NpgsqlDbType.Double);
                    WriteNullable(importer, r.AdjClose);
                    WriteNullable(importer, r.Volume);
                    importer.Write(r.Dividends, NpgsqlDbType.Double);
                    importer.Write(r.StockSplits, NpgsqlDbType.Double);
                    break;
                case "forex_rates":
                    importer.Write(r.Open, NpgsqlDbType.Double);
                    importer.Write(r.High, NpgsqlDbType.Double);
                    importer.Write(r.Low, NpgsqlDbType.Double);
                    importer.Write(r.Close, NpgsqlDbType.Double);
                    break;
                default:
                    importer.Write(r.Close, NpgsqlDbType.Double);
                    break;
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, double? value)
    {
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Double);
        else
            importer.WriteNull();
    }
}
