using System.Diagnostics;
using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Host;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.Quality.Bench;
using InvestmentPlatform.Quality.Running;
using Npgsql;

// The quality checks over stored bars: a full pass over 10,000,000 one-minute bars of 500 assets, the check of one
// 5,000-row part beside the loader's load of that part, and the check of a batch of a load's parts joined, as the
// consumer checks them.
// Settings: IP_BENCH_POSTGRES (admin connection, default the test server on 127.0.0.1:55432), IP_BENCH_ASSETS (500),
// IP_BENCH_BARS (20,000 per asset), IP_BENCH_PARTS (20 parts timed side by side), IP_BENCH_LOADS (5 loads of a batch).
var admin = Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var assets = Setting("IP_BENCH_ASSETS", 500);
var barsPerAsset = Setting("IP_BENCH_BARS", 20_000);
var parts = Setting("IP_BENCH_PARTS", 20);
const int Part = DataCollected.MaxRows;
const string Interval = "1m";
var loadRuns = Setting("IP_BENCH_LOADS", 5);

var dbName = $"ip_bench_{Guid.NewGuid():N}"[..20];
await Admin($"CREATE DATABASE {dbName}");
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dbName }.ConnectionString;
try
{
    // The platform's own services, not started: no consumer runs beside the timed work.
    var builder = WebApplication.CreateBuilder([
        $"--ConnectionStrings:Platform={connectionString}", "--Bus:Transport=InMemory", "--Logging:LogLevel:Default=Warning",
    ]);
    builder.AddPlatform();
    var app = builder.Build();
    await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
    var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
    var writer = new PostgresSeriesWriter();

    async Task WriteAsync(long assetId, IReadOnlyList<SeriesRow> rows)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await writer.WriteAsync(conn, tx, SeriesTable.MarketData, assetId, Interval, rows, default);
        await tx.CommitAsync();
    }
    async Task CheckAsync(long assetId, DateTime from, DateTime to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeriesQualityRunner>().RunAsync(assetId, Interval, from, to, to, default);
    }
    async Task LoadPartAsync(long assetId, Guid chunkId, int part, bool last, List<SeriesRow> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var message = new DataCollected(Guid.Empty, chunkId, part, last, "bench", "bench", AssetTypes.Crypto, Interval,
            new AssetDescription("bench", null, AssetTypes.Crypto, "USD", null, "bench", new Dictionary<string, string>()), SeriesRowBlock.From(rows), 0);
        if (await scope.ServiceProvider.GetRequiredService<PartLoader>().LoadAsync(message, assetId, AssetTypes.Crypto, default) != rows.Count)
            throw new InvalidOperationException("The loader did not take the part.");
    }
    // A chunk in flight for the loader to claim parts of, as a dispatched collection leaves it.
    async Task<Guid> AddChunkAsync(string symbol)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = DateTime.UtcNow;
        var request = new IngestionRequest
        {
            Id = Guid.NewGuid(), Source = "bench", Symbols = $"[\"{symbol}\"]", AssetType = AssetTypes.Crypto, Interval = Interval,
            Mode = "batch", Status = "running", From = now, To = now, ChunksTotal = 1, CreatedAt = now,
        };
        var chunk = new IngestionChunk
        {
            Id = Guid.NewGuid(), RequestId = request.Id, Symbol = symbol, From = now, To = now, Status = "collecting",
            CreatedAt = now, StartedAt = now, ProgressAt = now,
        };
        db.AddRange(request, chunk);
        await db.SaveChangesAsync();
        return chunk.Id;
    }
    // What the loader announces for each part it loaded (built before the clock starts) ...
    List<SeriesUpdated> Announced(long assetId, List<List<SeriesRow>> partRows) =>
        [.. partRows.Select(rows => new SeriesUpdated(assetId, "bench", AssetTypes.Crypto, Interval, rows[0].Time, rows[^1].Time,
            rows.Count, rows[^1], "bench", Guid.Empty, DateTime.UtcNow))];
    // ... and what the quality consumer does with a batch of them.
    async Task CheckPartsAsync(List<SeriesUpdated> updated)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeriesQualityConsumer>().CheckAsync(updated, default);
    }

    // The stored bars, written as the loader writes them (binary COPY, 5,000-row parts, two at once).
    var ids = new List<long>();
    var fill = Stopwatch.StartNew();
    for (var a = 0; a < assets; a++)
        ids.Add(await AddAssetAsync($"Q{a:D3}"));
    await Parallel.ForEachAsync(ids.Select((id, a) => (id, a)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (x, _) =>
    {
        var bars = Walk.Bars(x.a, 0, barsPerAsset);
        for (var i = 0; i < bars.Count; i += Part)
            await WriteAsync(x.id, bars.GetRange(i, Math.Min(Part, bars.Count - i)));
    });
    var stored = (long)assets * barsPerAsset;
    Console.WriteLine($"Stored {stored:N0} one-minute bars of {assets} assets in {fill.Elapsed.TotalSeconds:0.0} s " +
                      $"({(await Scalar("SELECT extversion FROM pg_extension WHERE extname='timescaledb'") is { } v ? $"TimescaleDB {v}" : "plain PostgreSQL")})");
    await Checkpoint();

    // (1) A full pass: every series checked over its whole range, one after another, as a re-check of everything would.
    var pass = Stopwatch.StartNew();
    foreach (var id in ids)
        await CheckAsync(id, Walk.Time(0), Walk.Time(barsPerAsset - 1));
    pass.Stop();
    var findings = await Scalar("SELECT count(*) FROM quality_findings");
    Console.WriteLine($"Full pass: {pass.Elapsed.TotalSeconds:0.0} s, {stored / pass.Elapsed.TotalSeconds:N0} bars/s, " +
                      $"{pass.Elapsed.TotalMilliseconds / assets:0} ms per series, {findings} findings stored");

    // (2) One part: the loader's load of 5,000 new bars at the end of a series (PartLoader: the chunk claimed, the rows
    // written, SeriesUpdated staged, committed), then the quality consumer's check of that one part (its rows and the
    // look-back), on series that already hold their history; side by side, part after part.
    var loads = new List<TimeSpan>();
    var checks = new List<TimeSpan>();
    for (var p = 0; p < parts; p++)
    {
        var id = ids[p % ids.Count];
        var first = barsPerAsset + p / ids.Count * Part;
        var chunk = await AddChunkAsync($"Q{p % ids.Count:D3}");
        var part = Walk.Bars(p % ids.Count, first, Part);
        loads.Add(await Time(() => LoadPartAsync(id, chunk, 0, true, part)));
        var updated = Announced(id, [part]);
        checks.Add(await Time(() => CheckPartsAsync(updated)));
    }
    var load = Median(loads);
    var check = Median(checks);
    Console.WriteLine($"One part of {Part:N0} bars alone, {parts} parts: loader median {load.TotalMilliseconds:0.0} ms, " +
                      $"quality check median {check.TotalMilliseconds:0.0} ms: the check adds {check / load:P1} to the part (target at most 10 %: " +
                      $"{(check / load <= 0.10 ? "met" : "not met")})");

    // (3) As the consumer checks a load: its parts are loaded one after another, then checked as one batch over their
    // joined range (SeriesQualityConsumerDefinition), here one slice of QualityRanges.MaxBarsPerCheck bars.
    var loadTimes = new List<TimeSpan>();
    var joinedChecks = new List<TimeSpan>();
    var loadFirst = barsPerAsset + (parts / ids.Count + 1) * Part;
    var batch = QualityRanges.MaxBarsPerCheck / Part;
    for (var run = 0; run < Math.Min(loadRuns, ids.Count); run++)
    {
        var (loadId, walk) = (ids[^(run + 1)], ids.Count - 1 - run);
        var chunk = await AddChunkAsync($"Q{walk:D3}");
        var loaded = TimeSpan.Zero;
        var batchParts = new List<List<SeriesRow>>();
        for (var p = 0; p < batch; p++)
        {
            var rows = Walk.Bars(walk, loadFirst + p * Part, Part);
            loaded += await Time(() => LoadPartAsync(loadId, chunk, p, p == batch - 1, rows));
            batchParts.Add(rows);
        }
        loadTimes.Add(loaded);
        var updated = Announced(loadId, batchParts);
        joinedChecks.Add(await Time(() => CheckPartsAsync(updated)));
    }
    var (loadTime, joined) = (Median(loadTimes), Median(joinedChecks));
    var share = MedianOf(loadTimes.Zip(joinedChecks, (w, c) => c / w).ToList());
    Console.WriteLine($"One load of {batch} parts ({batch * Part:N0} bars) of one series, {loadTimes.Count} loads: loader median {loadTime.TotalMilliseconds:0} ms " +
                      $"({loadTime.TotalMilliseconds / batch:0.0} ms a part), one check of the batch median {joined.TotalMilliseconds:0} ms " +
                      $"({string.Join(", ", joinedChecks.Select(c => c.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))}): " +
                      $"median {share:P1} of its load, {joined.TotalMilliseconds / batch:0.0} ms a part; target at most 10 %: {(share <= 0.10 ? "met" : "not met")}");
    Console.WriteLine($"Rows the loader still kept for checks afterwards: {app.Services.GetRequiredService<LoadedRanges>().Rows:N0}");
    Console.WriteLine($"Load average (1, 5, 15 min): {File.ReadAllText("/proc/loadavg")[..14]}");
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

static int Setting(string name, int fallback) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
static double MedianOf(List<double> values) => values.Order().ElementAt(values.Count / 2);

static async Task<TimeSpan> Time(Func<Task> work)
{
    var sw = Stopwatch.StartNew();
    await work();
    return sw.Elapsed;
}
