using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>What the stored rows cost on disk: the database, market_data with its index, bytes per row, and TimescaleDB's compressed size where it is installed.</summary>
public static class DiskUsage
{
    public static async Task PrintAsync(NpgsqlDataSource db, long rows)
    {
        await using var sizes = db.CreateCommand("SELECT pg_database_size(current_database()), pg_total_relation_size('market_data'), pg_relation_size('market_data')");
        await using (var reader = await sizes.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var (database, total, heap) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            Console.WriteLine($"Disk with {rows:N0} rows: database {GiB(database)}, market_data {GiB(total)} with its indexes ({GiB(heap)} table, {GiB(total - heap)} indexes), {(double)total / rows:F0} bytes per row with the index");
        }

        await using var version = db.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
        if (await version.ExecuteScalarAsync() is not string timescale)
        {
            Console.WriteLine("  TimescaleDB: absent (plain PostgreSQL table, no compression)");
            return;
        }
        await using var compressed = db.CreateCommand("""
            SELECT coalesce(sum(before_compression_total_bytes), 0)::bigint, coalesce(sum(after_compression_total_bytes), 0)::bigint
            FROM hypertable_compression_stats('market_data')
            """);
        await using var stats = await compressed.ExecuteReaderAsync();
        await stats.ReadAsync();
        var (before, after) = (stats.GetInt64(0), stats.GetInt64(1));
        Console.WriteLine(after == 0
            ? $"  TimescaleDB {timescale}: no chunk compressed yet (the policy compresses chunks older than its age)"
            : $"  TimescaleDB {timescale}: compressed chunks {GiB(before)} before, {GiB(after)} after ({(double)before / after:F1}x)");
    }

    private static string GiB(long bytes) => $"{bytes / 1073741824.0:F2} GiB";
}
