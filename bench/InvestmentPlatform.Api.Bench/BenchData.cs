using System.Diagnostics;
using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>Fills market_data to the target size with generate_series: one full year of minute bars for the measured symbol.</summary>
public static class BenchData
{
    public static async Task EnsureDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            // CREATE DATABASE takes no parameters; the name is the bench's own setting, quoted as an identifier.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static async Task FillAsync(NpgsqlDataSource db, BenchSettings settings)
    {
        await using var count = db.CreateCommand("SELECT count(*) FROM market_data");
        var existing = (long)(await count.ExecuteScalarAsync())!;
        if (existing >= settings.TotalRows)
        {
            Console.WriteLine($"market_data already holds {existing:N0} rows");
            return;
        }

        var clock = Stopwatch.StartNew();
        await using (var clear = db.CreateCommand("TRUNCATE market_data; DELETE FROM assets WHERE symbol LIKE 'BENCH-%'"))
            await clear.ExecuteNonQueryAsync();
        var others = settings.TotalRows - BenchSettings.BarsPerYear;
        var perOther = others / (BenchSettings.Assets - 1);
        for (var i = 0; i < BenchSettings.Assets; i++)
        {
            var bars = i == 0 ? BenchSettings.BarsPerYear : perOther + (i == 1 ? others % (BenchSettings.Assets - 1) : 0);
            await using var insert = db.CreateCommand("""
                WITH a AS (
                  INSERT INTO assets (symbol, name, asset_type, currency, source, metadata, created_at, updated_at)
                  VALUES (@symbol, @symbol, 'crypto', 'USD', 'synthetic', '{}', now(), now()) RETURNING asset_id)
                INSERT INTO market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits)
                SELECT a.asset_id, '1m', @start + make_interval(mins => g::int),
                       100 + sin(g / 500.0) * 10, 101 + sin(g / 500.0) * 10, 99 + sin(g / 500.0) * 10,
                       100.5 + sin(g / 500.0) * 10, 100.5 + sin(g / 500.0) * 10, 1000 + (g % 97), 0, 0
                FROM a, generate_series(0, @bars - 1) AS g
                """);
            insert.Parameters.AddWithValue("symbol", $"BENCH-{i}");
            insert.Parameters.AddWithValue("start", BenchSettings.YearStart);
            insert.Parameters.AddWithValue("bars", bars);
            await insert.ExecuteNonQueryAsync();
            Console.WriteLine($"  BENCH-{i}: {bars:N0} bars ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        await using (var analyze = db.CreateCommand("ANALYZE market_data; ANALYZE assets"))
            await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"Filled market_data with {settings.TotalRows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
