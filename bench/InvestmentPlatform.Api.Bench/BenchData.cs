using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// Fills market_data with generate_series: BENCH-0 one full year of minute bars (the measured query), BENCH-1 two full
/// years (twice the rows, for memory), the rest of the rows spread evenly over the other assets. A filled database is
/// marked with a comment on market_data and kept for reruns; one without the mark is dropped and filled again.
/// </summary>
public static class BenchData
{
    public static IReadOnlyList<(string Symbol, long Bars)> Layout(long totalRows, int assets)
    {
        var others = totalRows - BenchSettings.BarsPerYear - BenchSettings.BarsTwoYears;
        var perOther = others / (assets - 2);
        return Enumerable.Range(0, assets).Select(i => ($"BENCH-{i}", i switch
        {
            0 => (long)BenchSettings.BarsPerYear,
            1 => BenchSettings.BarsTwoYears,
            _ => perOther + (i == assets - 1 ? others % (assets - 2) : 0),
        })).ToList();
    }

    private static string Mark(long totalRows, int assets) => $"bench fill: {totalRows} rows, {assets} assets";

    /// <summary>True when the database holds a complete fill of this size; otherwise it is dropped, to be made anew.</summary>
    public static async Task<bool> IsFilledOrDroppedAsync(string connectionString, long totalRows, int assets)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", target.Database!);
            if (await exists.ExecuteScalarAsync() is null)
                return false;
        }
        await using (var db = new NpgsqlConnection(connectionString))
        {
            await db.OpenAsync();
            await using var mark = new NpgsqlCommand("SELECT obj_description(to_regclass('market_data'), 'pg_class')", db);
            if (await mark.ExecuteScalarAsync() as string == Mark(totalRows, assets))
                return true;
        }
        // DROP DATABASE takes no parameters; the name is the bench's own setting, quoted as an identifier.
        Console.WriteLine($"{target.Database} holds no complete fill of {totalRows:N0} rows: dropped, to be filled again");
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{target.Database!.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        return false;
    }

    /// <summary>
    /// One INSERT … SELECT per asset into a table without its key (and any foreign key), added back after the
    /// fill: building the index once by sorting is much faster than keeping it up row by row, and so is one check of
    /// the foreign key instead of one per row.
    /// </summary>
    public static async Task FillAsync(NpgsqlDataSource db, long totalRows, int assets)
    {
        var layout = Layout(totalRows, assets);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Filling market_data with {totalRows:N0} rows over {assets} assets ...");
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, """
            INSERT INTO assets (symbol, name, asset_type, currency, source, metadata, created_at, updated_at)
            SELECT 'BENCH-' || i, 'BENCH-' || i, 'crypto', 'USD', 'synthetic', '{}', now(), now() FROM generate_series(0, @n - 1) AS i
            """, ("n", assets));

        var constraints = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'market_data'::regclass AND contype IN ('p', 'f') ORDER BY contype DESC", connection))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                constraints.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in constraints)
            await Execute(connection, $"ALTER TABLE market_data DROP CONSTRAINT \"{name}\"");

        long done = 0;
        for (var i = 0; i < layout.Count; i++)
        {
            var (symbol, bars) = layout[i];
            await Execute(connection, """
                INSERT INTO market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits)
                SELECT a.asset_id, '1m', @start + make_interval(mins => g::int),
                       100 + w, 101 + w, 99 + w, 100.5 + w, 100.5 + w, 1000 + (g % 97), 0, 0
                FROM assets a, generate_series(0, @bars - 1) AS g, LATERAL (SELECT sin(g / 500.0::float8) * 10 AS w) s
                WHERE a.symbol = @symbol
                """, ("symbol", symbol), ("start", BenchSettings.YearStart), ("bars", bars));
            done += bars;
            if (layout.Count <= 20 || i % 25 == 24 || i == layout.Count - 1)
                Console.WriteLine($"  {i + 1}/{layout.Count} assets, {done:N0} rows ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        // Primary key first (contype 'p' sorts after 'f', hence DESC above, so the list holds it first).
        await Execute(connection, "SET maintenance_work_mem = '512MB'");
        foreach (var (name, definition) in constraints)
        {
            await Execute(connection, $"ALTER TABLE market_data ADD CONSTRAINT \"{name}\" {definition}");
            Console.WriteLine($"  {name} added back ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        // Sets the hint bits and the visibility map now, so the first timed reads do not write them.
        await Execute(connection, "VACUUM (ANALYZE) market_data");
        await Execute(connection, "ANALYZE assets");
        await Execute(connection, $"COMMENT ON TABLE market_data IS '{Mark(totalRows, assets)}'");
        Console.WriteLine($"Filled market_data with {totalRows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The embedded database's file: kept when it holds BENCH-0's year, otherwise removed so the API makes it anew.</summary>
    public static bool IsSqliteFilledOrRemoved(string directory)
    {
        var path = Path.Combine(directory, "platform.db");
        if (File.Exists(path))
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var count = connection.CreateCommand();
                count.CommandText = "SELECT count(*) FROM market_data d JOIN assets a ON a.asset_id = d.asset_id WHERE a.symbol = $s";
                count.Parameters.AddWithValue("$s", BenchSettings.Symbol);
                try
                {
                    if ((long)count.ExecuteScalar()! == BenchSettings.BarsPerYear)
                        return true;
                }
                catch (SqliteException)
                {
                }
            }
            foreach (var file in Directory.GetFiles(directory, "platform.db*"))
                File.Delete(file);
        }
        return false;
    }

    /// <summary>BENCH-0's year into the embedded database: one transaction, one prepared statement.</summary>
    public static void FillSqlite(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var asset = connection.CreateCommand();
        asset.CommandText = """
            INSERT INTO assets (symbol, name, asset_type, currency, source, metadata, created_at, updated_at)
            VALUES ($s, $s, 'crypto', 'USD', 'synthetic', '{}', $now, $now);
            SELECT last_insert_rowid();
            """;
        asset.Parameters.AddWithValue("$s", BenchSettings.Symbol);
        asset.Parameters.AddWithValue("$now", DateTime.UtcNow);
        var assetId = (long)asset.ExecuteScalar()!;

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits)
            VALUES ($a, '1m', $t, $o, $h, $l, $c, $c, $v, 0, 0)
            """;
        var parameters = new[] { "$a", "$t", "$o", "$h", "$l", "$c", "$v" }.Select(n => insert.Parameters.Add(n, SqliteType.Real)).ToArray();
        parameters[0].SqliteType = SqliteType.Integer;
        parameters[1].SqliteType = SqliteType.Text;
        insert.Prepare();
        for (var g = 0; g < BenchSettings.BarsPerYear; g++)
        {
            // The same values as the PostgreSQL fill.
            var wave = Math.Sin(g / 500.0) * 10;
            parameters[0].Value = assetId;
            parameters[1].Value = BenchSettings.YearStart.AddMinutes(g);
            parameters[2].Value = 100 + wave;
            parameters[3].Value = 101 + wave;
            parameters[4].Value = 99 + wave;
            parameters[5].Value = 100.5 + wave;
            parameters[6].Value = 1000.0 + g % 97;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        Console.WriteLine($"Filled the SQLite file with {BenchSettings.BarsPerYear:N0} bars of {BenchSettings.Symbol} in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
