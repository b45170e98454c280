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
using InvestmentPlatform.Quality.Running;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Loads 1,000,000 synthetic 1-minute bars into PostgreSQL several ways and prints rows/s, the ratios to the ceiling (parallel
// binary COPY into a table without constraints) and whether each goal is met; then the embedded mode's loader on SQLite.
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
    WebApplication Platform(string[] extra)
    {
        var builder = WebApplication.CreateBuilder([
            "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Platform={connectionString}", "--Bus:Transport=RabbitMq",
            "--Bus:RabbitMq:Host=127.0.0.1", $"--Bus:RabbitMq:Port={rabbitPort}",
            // A fixed prefix: reruns reuse the same queues instead of leaving a set behind on the broker each time.
            $"--Bus:RabbitMq:VirtualHost={vhost}", "--Bus:EndpointPrefix=ip-bench", "--Logging:LogLevel:Default=Warning",
            "--Outbox:PollMilliseconds=50", $"--Auth:BootstrapAdminPassword=Bench-{Guid.NewGuid():N}", .. extra,
        ]);
        builder.Services.AddSingleton<ICollector, SyntheticBars>();
        var roles = builder.AddPlatform();
        var platform = builder.Build();
        platform.UsePlatform(roles);
        return platform;
    }
    var app = Platform([]);
    await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
    var checksDone = new QualityChecksDone(app.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<SeriesQualityConsumer>());
    app.Services.GetRequiredService<IBus>().ConnectConsumeObserver(checksDone);
    await app.StartAsync();

    var data = SyntheticBars.Bars(rows);
    var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
    Console.WriteLine($"Rows: {rows:N0} one-minute bars into market_data ({(await Scalar("SELECT extversion FROM pg_extension WHERE extname='timescaledb'") is { } v ? $"TimescaleDB {v}" : "plain PostgreSQL")}); " +
                      $"\\copy and the loader as it runs are each timed {Repeats} times (median), every load into a fresh asset");

    Console.WriteLine($"Load average before (1, 5, 15 min): {LoadAverage()}");

    // (0) the ceiling: the same parts COPYed in binary, as many at once as the loader runs, into a table like
    // market_data without any constraint or index; and the same with its primary key (still no foreign key).
    async Task<TimeSpan> CeilingAsync(string like)
    {
        await Admin($"DROP TABLE IF EXISTS ceiling; CREATE TABLE ceiling (LIKE market_data {like})", connectionString);
        await Checkpoint();
        return await Time(() => Parallel.ForEachAsync(Enumerable.Range(0, (data.Count + part - 1) / part), new ParallelOptions
        {
            MaxDegreeOfParallelism = DataCollectedConsumerDefinition.Concurrency,
        }, async (k, _) =>
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var importer = await conn.BeginBinaryImportAsync(
                "COPY ceiling (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in data.Skip(k * part).Take(part))
                {
                    importer.StartRow();
                    importer.Write(1L, NpgsqlTypes.NpgsqlDbType.Bigint);
                    importer.Write("1m", NpgsqlTypes.NpgsqlDbType.Varchar);
                    importer.Write(r.Time, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    foreach (var v in new[] { r.Open, r.High, r.Low, r.Close, r.AdjClose ?? 0, r.Volume ?? 0, r.Dividends, r.StockSplits })
                        importer.Write(v, NpgsqlTypes.NpgsqlDbType.Double);
                }
                await importer.CompleteAsync();
            }
            await tx.CommitAsync();
        }));
    }
    Phase("the ceiling");
    var ceilingTime = Median([.. await Repeat(() => CeilingAsync("INCLUDING DEFAULTS"))]);
    var ceilingKeyTime = Median([.. await Repeat(() => CeilingAsync("INCLUDING DEFAULTS INCLUDING INDEXES"))]);
    await Admin("DROP TABLE ceiling", connectionString);

    // (2) psql \copy of the same rows as CSV, one session.
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
    Phase("the loader");
    var loaderTimes = new List<TimeSpan>();
    var loaderCpu = new CpuUse(0, 0, 0, 0);
    for (var run = 0; run < Repeats; run++)
    {
        var assetId = await AddAssetAsync($"LOADER{run}");
        await Checkpoint();
        var cpu = CpuUse.Now();
        loaderTimes.Add(await Time(() => LoadAsync(assetId, data, part, DataCollectedConsumerDefinition.Concurrency)));
        loaderCpu += CpuUse.Now() - cpu;
    }
    var loaderTime = Median(loaderTimes);
    // ... one part at a time, and everything in one call and one transaction, as \copy runs ...
    var serialTime = await TimeLoadAsync("SERIAL", data, part, 1);
    var oneTime = await TimeLoadAsync("ONE", data, data.Count, 1);
    // ... and re-loads over existing rows: every price corrected, and the same rows again (nothing changed).
    async Task<(TimeSpan First, TimeSpan Again)> ReloadAsync(string symbol, List<SeriesRow> again)
    {
        var asset = await AddAssetAsync(symbol);
        await Checkpoint();
        var first = await Time(() => LoadAsync(asset, data, part, DataCollectedConsumerDefinition.Concurrency));
        await Checkpoint();
        return (first, await Time(() => LoadAsync(asset, again, part, DataCollectedConsumerDefinition.Concurrency)));
    }
    var corrected = data.Select(r => r with { Close = r.Close + 0.01 }).ToList();
    Phase("re-loads");
    var reloads = new List<(TimeSpan First, TimeSpan Again)>();
    for (var run = 0; run < Repeats; run++)
        reloads.Add(await ReloadAsync($"UPSERT{run}", corrected));
    var (firstLoadTime, upsertTime) = (Median([.. reloads.Select(r => r.First)]), Median([.. reloads.Select(r => r.Again)]));
    var unchangedTime = (await ReloadAsync("SAME", data)).Again;

    // (3) what a user might write: EF Core AddRange + SaveChanges on 100,000 rows.
    var efRows = Math.Min(100_000, rows);
    var efAsset = await AddAssetAsync("EF");
    await Checkpoint();
    Phase("EF Core");
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

    // (4) the whole pipeline over RabbitMQ: request row + outbox → coordinator → collector endpoint → DataCollected → loader,
    // with this process as the one worker, then with a second worker host beside it (competing consumers).
    async Task<(TimeSpan Loaded, TimeSpan Checked, string Status, long PeakBytes, CpuUse Cpu)> PipelineAsync(string symbol, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writerService = scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>();
        await Checkpoint();
        GC.Collect();
        await using var memory = new WorkingSetPeak();
        var cpu = CpuUse.Now();
        var sw = Stopwatch.StartNew();
        var request = await writerService.SubmitAsync(new IngestionSubmission("benchsynthetic", [symbol], "crypto", "1m",
            SyntheticBars.Start, SyntheticBars.Start.AddMinutes(count), "batch"), default);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        IngestionRequest? state;
        do
        {
            await Task.Delay(100);
            db.ChangeTracker.Clear();
            state = await db.IngestionRequests.AsNoTracking().FirstAsync(r => r.Id == request.Id);
        } while (state.Status is IngestionStatuses.Pending or IngestionStatuses.Running && sw.Elapsed < TimeSpan.FromMinutes(10));
        var loaded = sw.Elapsed;
        var used = CpuUse.Now() - cpu;
        // The quality checks follow the load, batched once its parts stop coming: done when a batch with its parts
        // finishes after the request did.
        var requestDone = Stopwatch.GetTimestamp();
        while (checksDone.LastFinished(symbol) < requestDone && sw.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(20);
        return (loaded, sw.Elapsed, $"{state.Status}, {state.RecordsLoaded:N0} rows, {state.ChunksTotal} chunks", memory.Peak - memory.Before, used);
    }
    Phase("the pipeline, 1 worker");
    var oneWorker = new List<(TimeSpan Loaded, TimeSpan Checked, string Status, long PeakBytes, CpuUse Cpu)>();
    for (var run = 0; run < Repeats; run++)
        oneWorker.Add(await PipelineAsync($"PIPE{run}", rows));
    var doubled = await PipelineAsync("PIPEX2", rows * 2);

    Phase("the pipeline, 2 workers");
    var second = Platform(["--Platform:Roles=worker"]);
    await second.StartAsync();
    var twoWorkers = new List<(TimeSpan Loaded, TimeSpan Checked, string Status, long PeakBytes, CpuUse Cpu)>();
    for (var run = 0; run < Repeats; run++)
        twoWorkers.Add(await PipelineAsync($"PIPE2W{run}", rows));
    await second.StopAsync();
    var pipelineTime = Median([.. oneWorker.Select(p => p.Loaded)]);
    var checkedTime = Median([.. oneWorker.Select(p => p.Checked)]);
    var pipeline2Time = Median([.. twoWorkers.Select(p => p.Loaded)]);
    var pipelinePeak = oneWorker.Max(p => p.PeakBytes);

    var counts = await Scalar("SELECT count(*) FROM market_data");
    Console.WriteLine($"Stored rows: {counts:N0}");
    Console.WriteLine();
    Console.WriteLine($"{"method",-70} {"rows",12} {"seconds",8} {"rows/s",12} {"vs ceiling",10}");
    var ceilingRate = rows / ceilingTime.TotalSeconds;
    void Line(string name, int n, TimeSpan t) =>
        Console.WriteLine($"{name,-70} {n,12:N0} {t.TotalSeconds,8:F2} {n / t.TotalSeconds,12:N0} {n / t.TotalSeconds / ceilingRate,10:P0}");
    var atOnce = DataCollectedConsumerDefinition.Concurrency;
    Line($"ceiling: binary COPY, {atOnce} at once, no constraint or index (median of {Repeats})", rows, ceilingTime);
    Line($"binary COPY, {atOnce} at once, primary key, no foreign key (median of {Repeats})", rows, ceilingKeyTime);
    Line($"psql \\copy CSV, one session (median of {Repeats})", rows, copyTime);
    Line($"loader as it runs: 5,000-row parts, {atOnce} at once (median of {Repeats})", rows, loaderTime);
    Line("loader, 5,000-row parts, one at a time", rows, serialTime);
    Line("loader, one part of all rows, one transaction", rows, oneTime);
    Line($"loader, first load before each re-load (median of {Repeats})", rows, firstLoadTime);
    Line($"loader, re-load with every price corrected (median of {Repeats})", rows, upsertTime);
    Line("loader, re-load of the same rows (nothing to change)", rows, unchangedTime);
    Line("EF Core AddRange/SaveChanges", efRows, efTime);
    Line($"pipeline over RabbitMQ, 1 worker (median of {Repeats}; {oneWorker[0].Status})", rows, pipelineTime);
    Line($"pipeline over RabbitMQ, 2 workers (median of {Repeats}; {twoWorkers[0].Status})", rows, pipeline2Time);
    Line("pipeline, 1 worker, until the quality checks that follow it are done", rows, checkedTime);
    Line($"pipeline, 1 worker, twice the rows ({doubled.Status})", rows * 2, doubled.Loaded);

    Phase("SQLite");
    var (sqliteLimit, sqliteLoader) = await SqliteLoads.MeasureAsync(data, part, Repeats);
    Console.WriteLine();
    Console.WriteLine("Embedded mode (SQLite, one file, WAL):");
    Console.WriteLine($"  prepared INSERT per row, all rows in one transaction (the limit; median of {Repeats}) {sqliteLimit.TotalSeconds,6:F2} s {rows / sqliteLimit.TotalSeconds,10:N0} rows/s");
    Console.WriteLine($"  loader: 5,000-row parts, one transaction each (median of {Repeats})                  {sqliteLoader.TotalSeconds,6:F2} s {rows / sqliteLoader.TotalSeconds,10:N0} rows/s");

    Console.WriteLine();
    Console.WriteLine($"CPU seconds per {rows:N0} rows (mean of {Repeats}; the machine has {Environment.ProcessorCount} cores):");
    Console.WriteLine($"  loader as it runs          {loaderCpu.Per(1.0 / Repeats)}");
    Console.WriteLine($"  pipeline, 1 worker         {oneWorker.Select(p => p.Cpu).Aggregate((a, b) => a + b).Per(1.0 / Repeats)}");
    Console.WriteLine($"  pipeline, 2 workers        {twoWorkers.Select(p => p.Cpu).Aggregate((a, b) => a + b).Per(1.0 / Repeats)}");

    static string Goal(bool met) => met ? "met" : "NOT met";
    double Ratio(TimeSpan baseline, TimeSpan t) => baseline / t;
    Console.WriteLine();
    Console.WriteLine("Goals (issue: the pipeline at the machine's limit):");
    Console.WriteLine($"  1. pipeline >= 80 % of the loader as it runs: 1 worker {Ratio(loaderTime, pipelineTime):P0}, 2 workers {Ratio(loaderTime, pipeline2Time):P0}: " +
                      $"{Goal(Ratio(loaderTime, pipelineTime) >= 0.8 && Ratio(loaderTime, pipeline2Time) >= 0.8)}");
    Console.WriteLine($"  2. loader >= 80 % of the ceiling, with integrity kept per load: {Ratio(ceilingTime, loaderTime):P0}: {Goal(Ratio(ceilingTime, loaderTime) >= 0.8)}" +
                      $" ({Ratio(ceilingKeyTime, loaderTime):P0} of the same COPY into a table with the primary key)");
    Console.WriteLine($"  3. corrected re-load >= 80 % of the first load: {Ratio(firstLoadTime, upsertTime):P0}: {Goal(firstLoadTime / upsertTime >= 0.8)}");
    Console.WriteLine($"  6. SQLite loader >= 80 % of the prepared-INSERT limit: {Ratio(sqliteLimit, sqliteLoader):P0}: {Goal(Ratio(sqliteLimit, sqliteLoader) >= 0.8)}");
    Console.WriteLine($"  7. working set of the process (all roles) during a pipeline load: peak +{pipelinePeak / 1048576.0:N0} MiB at {rows:N0} rows, " +
                      $"+{doubled.PeakBytes / 1048576.0:N0} MiB at {rows * 2:N0}: {Goal(doubled.PeakBytes <= pipelinePeak * 1.1 + 16 * 1048576.0)} (flat: within 10 % + 16 MiB)");
    Console.WriteLine($"Load average after (1, 5, 15 min): {LoadAverage()}");
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

static async Task<List<TimeSpan>> Repeat(Func<Task<TimeSpan>> measure)
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < Repeats; i++)
        times.Add(await measure());
    return times;
}

// Progress on stderr, so a profiler can be attached to the phase it is meant for.
static void Phase(string name) => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {name} ...");

static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static async Task<TimeSpan> Time(Func<Task> work)
{
    var sw = Stopwatch.StartNew();
    await work();
    return sw.Elapsed;
}
