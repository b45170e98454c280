using System.Diagnostics;
using System.Globalization;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Host;
using InvestmentPlatform.Ingestion.Bench;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Loads 1,000,000 synthetic 1-minute bars into PostgreSQL four ways and prints rows/s and ratios to psql \copy.
// Settings: IP_BENCH_POSTGRES (admin connection, default the test server on 127.0.0.1:55432), IP_BENCH_RABBITMQ_VHOST,
// IP_BENCH_ROWS (default 1,000,000), IP_BENCH_PSQL (psql binary).
var admin = Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var rows = int.Parse(Environment.GetEnvironmentVariable("IP_BENCH_ROWS") ?? "1000000", CultureInfo.InvariantCulture);
var vhost = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_VHOST") ?? "/";
var psql = Environment.GetEnvironmentVariable("IP_BENCH_PSQL")
           ?? Directory.GetFiles("/usr/lib/postgresql", "psql", SearchOption.AllDirectories).OrderDescending().FirstOrDefault() ?? "psql";
const int part = 5_000;

var dbName = $"ip_bench_{Guid.NewGuid():N}"[..20];
await Admin($"CREATE DATABASE {dbName}");
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dbName }.ConnectionString;
try
{
    var builder = WebApplication.CreateBuilder([
        "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Platform={connectionString}", "--Bus:Transport=RabbitMq",
        $"--Bus:RabbitMq:VirtualHost={vhost}", $"--Bus:EndpointPrefix=b{Guid.NewGuid():N}"[..30], "--Logging:LogLevel:Default=Warning",
        "--Outbox:PollMilliseconds=50",
    ]);
    builder.Services.AddSingleton<ICollector, SyntheticBars>();
    var roles = builder.AddPlatform();
    var app = builder.Build();
    app.UsePlatform(roles);
    await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
    await app.StartAsync();

    var data = SyntheticBars.Bars(rows);
    var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
    var assets = new Dictionary<string, long>();
    foreach (var symbol in new[] { "LOADER", "ONE", "UPSERT", "COPY", "EF" })
        assets[symbol] = await AddAssetAsync(symbol);

    Console.WriteLine($"Rows: {rows:N0} one-minute bars into market_data ({(await Scalar("SELECT extversion FROM pg_extension WHERE extname='timescaledb'") is { } v ? $"TimescaleDB {v}" : "plain PostgreSQL")})");

    // (2) the limit: psql \copy of the same rows as CSV.
    var csv = Path.Combine(Path.GetTempPath(), $"{dbName}.csv");
    await using (var w = new StreamWriter(csv))
        foreach (var r in data)
            await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{assets["COPY"]},1m,{r.Time:yyyy-MM-dd HH:mm:ss}+00,{r.Open},{r.High},{r.Low},{r.Close},{r.AdjClose},{r.Volume},0,0"));
    var copyTime = await Time(async () =>
    {
        var p = Process.Start(new ProcessStartInfo(psql,
            ["-q", "-d", Libpq(connectionString), "-c",
             $"\\copy market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits) FROM '{csv}' CSV"])
        { RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException(await p.StandardError.ReadToEndAsync());
    });
    File.Delete(csv);

    // (1) our loader, in message-sized parts of 5,000 rows, one transaction each: first load (COPY straight in) ...
    var writer = new PostgresSeriesWriter();
    async Task LoadAsync(long assetId, List<SeriesRow> rowsToLoad, int size)
    {
        for (var i = 0; i < rowsToLoad.Count; i += size)
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await writer.WriteAsync(conn, tx, "market_data", assetId, "1m", rowsToLoad.GetRange(i, Math.Min(size, rowsToLoad.Count - i)), default);
            await tx.CommitAsync();
        }
    }
    var loaderTime = await Time(() => LoadAsync(assets["LOADER"], data, part));
    // ... the same loader in one call and one transaction, as \copy runs ...
    var oneTime = await Time(() => LoadAsync(assets["ONE"], data, data.Count));
    // ... and a re-load over existing rows with every price corrected (staging table + INSERT … ON CONFLICT DO UPDATE).
    await LoadAsync(assets["UPSERT"], data, part);
    var corrected = data.Select(r => r with { Close = r.Close + 0.01 }).ToList();
    var upsertTime = await Time(() => LoadAsync(assets["UPSERT"], corrected, part));

    // (3) what a user might write: EF Core AddRange + SaveChanges on 100,000 rows.
    var efRows = Math.Min(100_000, rows);
    var efTime = await Time(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.MarketData.AddRange(data.Take(efRows).Select(r => new MarketBar
        {
            AssetId = assets["EF"], Interval = "1m", Time = r.Time, Open = r.Open, High = r.High, Low = r.Low, Close = r.Close,
            AdjClose = r.AdjClose, Volume = r.Volume,
        }));
        await db.SaveChangesAsync();
    });

    // (4) the whole pipeline over RabbitMQ: request row + outbox → coordinator → collector endpoint → DataCollected → loader.
    TimeSpan pipelineTime;
    string pipelineStatus;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var writerService = scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>();
        var sw = Stopwatch.StartNew();
        var request = await writerService.SubmitAsync(new IngestionSubmission("benchsynthetic", ["PIPE"], "crypto", "1m",
            SyntheticBars.Start, SyntheticBars.Start.AddMinutes(rows), "batch"), default);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        IngestionRequest? state;
        do
        {
            await Task.Delay(100);
            db.ChangeTracker.Clear();
            state = await db.IngestionRequests.AsNoTracking().FirstAsync(r => r.Id == request.Id);
        } while (state.Status is IngestionStatuses.Pending or IngestionStatuses.Running && sw.Elapsed < TimeSpan.FromMinutes(10));
        pipelineTime = sw.Elapsed;
        pipelineStatus = $"{state.Status}, {state.RecordsLoaded:N0} rows, {state.ChunksTotal} chunks";
    }

    var counts = await Scalar("SELECT count(*) FROM market_data");
    Console.WriteLine($"Stored rows: {counts:N0}");
    Console.WriteLine();
    Console.WriteLine($"{"method",-52} {"rows",12} {"seconds",8} {"rows/s",12} {"vs \\copy",9}");
    var copyRate = rows / copyTime.TotalSeconds;
    void Line(string name, int n, TimeSpan t) =>
        Console.WriteLine($"{name,-52} {n,12:N0} {t.TotalSeconds,8:F2} {n / t.TotalSeconds,12:N0} {n / t.TotalSeconds / copyRate,8:P0}");
    Line("psql \\copy CSV (the limit)", rows, copyTime);
    Line("loader, first load (binary COPY), 5,000-row parts", rows, loaderTime);
    Line("loader, first load, one transaction", rows, oneTime);
    Line("loader, corrected re-load (staging + ON CONFLICT)", rows, upsertTime);
    Line("EF Core AddRange/SaveChanges", efRows, efTime);
    Line($"pipeline over RabbitMQ ({pipelineStatus})", rows, pipelineTime);
    await app.StopAsync();
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)");
}
return 0;

async Task<long> AddAssetAsync(string symbol)
{
    await using var conn = new NpgsqlConnection(connectionString);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(
        "INSERT INTO assets (symbol, asset_type, source, metadata, created_at, updated_at) VALUES ($1, 'crypto', 'bench', '{}', now(), now()) RETURNING asset_id", conn);
    cmd.Parameters.AddWithValue(symbol);
    return (long)(await cmd.ExecuteScalarAsync())!;
}

async Task<object?> Scalar(string sql)
{
    await using var conn = new NpgsqlConnection(connectionString);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    return await cmd.ExecuteScalarAsync();
}

async Task Admin(string sql)
{
    await using var conn = new NpgsqlConnection(admin);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}

static string Libpq(string npgsql)
{
    var b = new NpgsqlConnectionStringBuilder(npgsql);
    return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
}

static async Task<TimeSpan> Time(Func<Task> work)
{
    var sw = Stopwatch.StartNew();
    await work();
    return sw.Elapsed;
}
