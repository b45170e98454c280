using System.Diagnostics;
using System.Globalization;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Host;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Bench;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Loads 1,000,000 synthetic 1-minute bars into PostgreSQL several ways and prints rows/s and ratios to psql \copy.
// Settings: IP_BENCH_POSTGRES (admin connection, default the test server on 127.0.0.1:55432),
// IP_BENCH_RABBITMQ_PORT (default the test broker on 127.0.0.1:55672), IP_BENCH_RABBITMQ_VHOST,
// IP_BENCH_ROWS (default 1,000,000), IP_BENCH_PSQL (psql binary).
var admin = Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var rows = int.Parse(Environment.GetEnvironmentVariable("IP_BENCH_ROWS") ?? "1000000", CultureInfo.InvariantCulture);
var rabbitPort = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_PORT") ?? "55672";
var vhost = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_VHOST") ?? "/";
var psql = Environment.GetEnvironmentVariable("IP_BENCH_PSQL")
           ?? Directory.GetFiles("/usr/lib/postgresql", "psql", SearchOption.AllDirectories).OrderDescending().FirstOrDefault() ?? "psql";
const int part = 5_000;
const int Repeats = 3;

var dbName = $"ip_bench_{Guid.NewGuid():N}"[..20];
await Admin($"CREATE DATABASE {dbName}");
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dbName }.ConnectionString;
try
{
    var builder = WebApplication.CreateBuilder([
        "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Platform={connectionString}", "--Bus:Transport=RabbitMq",
        "--Bus:RabbitMq:Host=127.0.0.1", $"--Bus:RabbitMq:Port={rabbitPort}",
        // A fixed prefix: reruns reuse the same queues instead of leaving a set behind on the broker each time.
        $"--Bus:RabbitMq:VirtualHost={vhost}", "--Bus:EndpointPrefix=ip-bench", "--Logging:LogLevel:Default=Warning",
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
    Console.WriteLine($"Rows: {rows:N0} one-minute bars into market_data ({(await Scalar("SELECT extversion FROM pg_extension WHERE extname='timescaledb'") is { } v ? $"TimescaleDB {v}" : "plain PostgreSQL")}); " +
                      $"\\copy and the loader as it runs are each timed {Repeats} times (median), every load into a fresh asset");

    // (2) the limit: psql \copy of the same rows as CSV, one session.
    var copyTimes = new List<TimeSpan>();
    for (var run = 0; run < Repeats; run++)
    {
        var assetId = await AddAssetAsync($"COPY{run}");
        var csv = Path.Combine(Path.GetTempPath(), $"{dbName}.csv");
        await using (var w = new StreamWriter(csv))
            foreach (var r in data)
                await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{assetId},1m,{r.Time:yyyy-MM-dd HH:mm:ss}+00,{r.Open},{r.High},{r.Low},{r.Close},{r.AdjClose},{r.Volume},0,0"));
        await Checkpoint();
        copyTimes.Add(await Time(async () =>
        {
            var p = Process.Start(new ProcessStartInfo(psql,
                ["-q", "-d", Libpq(connectionString), "-c",
                 $"\\copy market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits) FROM '{csv}' CSV"])
            { RedirectStandardError = true })!;
            await p.WaitForExitAsync();
            if (p.ExitCode != 0)
                throw new InvalidOperationException(await p.StandardError.ReadToEndAsync());
        }));
        File.Delete(csv);
    }
    var copyTime = Median(copyTimes);

    // (1) our loader: 5,000-row parts (one DataCollected each), one transaction per part, as many at once as the
    // loader endpoint consumes (DataCollectedConsumerDefinition.Concurrency) — first load, COPY straight in ...
    var writer = new PostgresSeriesWriter();
    async Task LoadAsync(long assetId, List<SeriesRow> rowsToLoad, int size, int atOnce)
    {
        var starts = Enumerable.Range(0, (rowsToLoad.Count + size - 1) / size).Select(k => k * size);
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, async (i, _) =>
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await writer.WriteAsync(conn, tx, SeriesTable.MarketData, assetId, "1m", rowsToLoad.GetRange(i, Math.Min(size, rowsToLoad.Count - i)), default);
            await tx.CommitAsync();
        });
    }
    async Task<TimeSpan> TimeLoadAsync(string symbol, List<SeriesRow> rowsToLoad, int size, int atOnce)
    {
        var assetId = await AddAssetAsync(symbol);
        await Checkpoint();
        return await Time(() => LoadAsync(assetId, rowsToLoad, size, atOnce));
    }
    var loaderTimes = new List<TimeSpan>();
    for (var run = 0; run < Repeats; run++)
        loaderTimes.Add(await TimeLoadAsync($"LOADER{run}", data, part, DataCollectedConsumerDefinition.Concurrency));
    var loaderTime = Median(loaderTimes);
    // ... one part at a time, and everything in one call and one transaction, as \copy runs ...
    var serialTime = await TimeLoadAsync("SERIAL", data, part, 1);
    var oneTime = await TimeLoadAsync("ONE", data, data.Count, 1);
    // ... and a re-load over existing rows with every price corrected (staging table + INSERT … ON CONFLICT DO UPDATE).
    var upsertAsset = await AddAssetAsync("UPSERT");
    await LoadAsync(upsertAsset, data, part, DataCollectedConsumerDefinition.Concurrency);
    var corrected = data.Select(r => r with { Close = r.Close + 0.01 }).ToList();
    await Checkpoint();
    var upsertTime = await Time(() => LoadAsync(upsertAsset, corrected, part, DataCollectedConsumerDefinition.Concurrency));

    // (3) what a user might write: EF Core AddRange + SaveChanges on 100,000 rows.
    var efRows = Math.Min(100_000, rows);
    var efAsset = await AddAssetAsync("EF");
    await Checkpoint();
    var efTime = await Time(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.MarketData.AddRange(data.Take(efRows).Select(r => new MarketBar
        {
            AssetId = efAsset, Interval = "1m", Time = r.Time, Open = r.Open, High = r.High, Low = r.Low, Close = r.Close,
            AdjClose = r.AdjClose, Volume = r.Volume,
        }));
        await db.SaveChangesAsync();
    });

    // (4) the whole pipeline over RabbitMQ: request row + outbox → coordinator → collector endpoint → DataCollected → loader.
    TimeSpan pipelineTime, checkedTime;
    string pipelineStatus;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var writerService = scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>();
        await Checkpoint();
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
        // The quality checks follow the load (batched once its parts stop coming): done when the series' score has
        // seen its last bar.
        const string checkedSql = """
            SELECT count(*) FROM series_quality q JOIN assets a ON a.asset_id = q.asset_id
            WHERE a.symbol = 'PIPE' AND q.last_bar = (SELECT max(time) FROM market_data WHERE asset_id = a.asset_id)
            """;
        while (Convert.ToInt64(await Scalar(checkedSql), CultureInfo.InvariantCulture) == 0 && sw.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(100);
        checkedTime = sw.Elapsed;
    }

    var counts = await Scalar("SELECT count(*) FROM market_data");
    Console.WriteLine($"Stored rows: {counts:N0}");
    Console.WriteLine();
    Console.WriteLine($"{"method",-66} {"rows",12} {"seconds",8} {"rows/s",12} {"vs \\copy",9}");
    var copyRate = rows / copyTime.TotalSeconds;
    void Line(string name, int n, TimeSpan t) =>
        Console.WriteLine($"{name,-66} {n,12:N0} {t.TotalSeconds,8:F2} {n / t.TotalSeconds,12:N0} {n / t.TotalSeconds / copyRate,8:P0}");
    Line($"psql \\copy CSV, one session (the limit; median of {Repeats})", rows, copyTime);
    Line($"loader as it runs: 5,000-row parts, {DataCollectedConsumerDefinition.Concurrency} at once (median of {Repeats})", rows, loaderTime);
    Line("loader, 5,000-row parts, one at a time", rows, serialTime);
    Line("loader, one part of all rows, one transaction", rows, oneTime);
    Line($"loader, corrected re-load (staging + ON CONFLICT), {DataCollectedConsumerDefinition.Concurrency} at once", rows, upsertTime);
    Line("EF Core AddRange/SaveChanges", efRows, efTime);
    Line($"pipeline over RabbitMQ ({pipelineStatus})", rows, pipelineTime);
    Line("pipeline, until the quality checks that follow it are done", rows, checkedTime);
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

// Each timed phase starts from the same server state: no dirty pages or WAL left to flush from the phase before.
async Task Checkpoint()
{
    await Admin("CHECKPOINT");
    await Admin("VACUUM ANALYZE", connectionString);
}

async Task<object?> Scalar(string sql)
{
    await using var conn = new NpgsqlConnection(connectionString);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    return await cmd.ExecuteScalarAsync();
}

async Task Admin(string sql, string? on = null)
{
    await using var conn = new NpgsqlConnection(on ?? admin);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}

static string Libpq(string npgsql)
{
    var b = new NpgsqlConnectionStringBuilder(npgsql);
    return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
}

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

static async Task<TimeSpan> Time(Func<Task> work)
{
    var sw = Stopwatch.StartNew();
    await work();
    return sw.Elapsed;
}
