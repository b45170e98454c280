using System.Diagnostics;
using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Host;
using InvestmentPlatform.Ingestion.Loading;
using Microsoft.Data.Sqlite;

namespace InvestmentPlatform.Ingestion.Bench;

/// <summary>
/// The embedded mode's loader on SQLite against SQLite's own limit for the same rows and table: one prepared INSERT
/// reused for every row, all in one transaction. The loader writes 5,000-row parts, one transaction each, one at a time
/// (SQLite has one writer), as the loader endpoint does.
/// </summary>
public static class SqliteLoads
{
    public static async Task<(TimeSpan Limit, TimeSpan Loader)> MeasureAsync(IReadOnlyList<SeriesRow> data, int part, int repeats)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ip-bench-{Guid.NewGuid():N}.db");
        try
        {
            var builder = WebApplication.CreateBuilder([
                $"--ConnectionStrings:Platform=Data Source={file}", "--Bus:Transport=InMemory", "--Logging:LogLevel:Default=Warning",
            ]);
            builder.AddPlatform();
            await using (var app = builder.Build())
                await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();

            var connectionString = $"Data Source={file}";
            var limits = new List<TimeSpan>();
            var loads = new List<TimeSpan>();
            for (var run = 0; run < repeats; run++)
            {
                limits.Add(await TimeAsync(connectionString, $"LIMIT{run}", conn => BareInsertAsync(conn, data)));
                loads.Add(await TimeAsync(connectionString, $"LOADER{run}", conn => LoaderAsync(conn, data, part)));
            }
            return (Median(limits), Median(loads));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
        }
    }

    private static async Task<TimeSpan> TimeAsync(string connectionString, string symbol, Func<(SqliteConnection Conn, long Asset), Task> load)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using (var add = conn.CreateCommand())
        {
            add.CommandText = "INSERT INTO assets (symbol, asset_type, source, metadata, created_at, updated_at, version) " +
                              "VALUES ($s, 'crypto', 'bench', '{}', '2020-01-01 00:00:00', '2020-01-01 00:00:00', 0) RETURNING asset_id";
            add.Parameters.AddWithValue("$s", symbol);
            var asset = (long)(await add.ExecuteScalarAsync())!;
            var clock = Stopwatch.StartNew();
            await load((conn, asset));
            return clock.Elapsed;
        }
    }

    private static async Task BareInsertAsync((SqliteConnection Conn, long Asset) target, IReadOnlyList<SeriesRow> data)
    {
        await using var tx = (SqliteTransaction)await target.Conn.BeginTransactionAsync();
        await using var cmd = target.Conn.CreateCommand();
        cmd.Transaction = tx;
        var columns = SeriesTable.MarketData.Columns;
        cmd.CommandText = $"INSERT INTO market_data ({SeriesTable.KeySql}, {string.Join(", ", columns.Select(c => c.Name))}) " +
                          $"VALUES ($asset, '1m', $time, {string.Join(", ", columns.Select(c => "$" + c.Name))})";
        cmd.Parameters.AddWithValue("$asset", target.Asset);
        var time = cmd.Parameters.Add("$time", SqliteType.Text);
        var values = columns.Select(c => (Column: c, Parameter: cmd.Parameters.Add("$" + c.Name, SqliteType.Real))).ToList();
        await cmd.PrepareAsync();
        foreach (var r in data)
        {
            time.Value = r.Time.ToString(SqliteSeriesWriter.TimeFormat, CultureInfo.InvariantCulture);
            foreach (var (column, p) in values)
                p.Value = column.Read(r) is { } value ? value : DBNull.Value;
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task LoaderAsync((SqliteConnection Conn, long Asset) target, IReadOnlyList<SeriesRow> data, int part)
    {
        var writer = new SqliteSeriesWriter();
        for (var i = 0; i < data.Count; i += part)
        {
            await using var tx = await target.Conn.BeginTransactionAsync();
            await writer.WriteAsync(target.Conn, tx, SeriesTable.MarketData, target.Asset, "1m",
                data.Skip(i).Take(part).ToList(), default);
            await tx.CommitAsync();
        }
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}
