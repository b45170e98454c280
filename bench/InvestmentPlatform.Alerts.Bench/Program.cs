using System.Diagnostics;
using System.Globalization;
using InvestmentPlatform.Alerts.Bench;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Host;
using InvestmentPlatform.Ingestion.Bench;
using InvestmentPlatform.Ingestion.Requests;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// What alert rules cost a load: 1,000,000 one-minute bars over 500 assets through the whole pipeline (request,
// collector, loader, SeriesUpdated, the alerts' consumer) on PostgreSQL + RabbitMQ, into assets no rule watches and
// into assets 10,000 enabled rules watch (20 each: price, move and volume), side by side in one process, in rounds of
// plain, watched, watched, plain after an untimed full-size warm-up, so drift over the run falls on both sides alike. A load's wall time
// runs from its request until the alerts' consumer has handled the last SeriesUpdated the load published.
// Settings: IP_BENCH_POSTGRES (admin connection, default the test server on 127.0.0.1:55432), IP_BENCH_RABBITMQ_PORT
// (default 55672), IP_BENCH_RABBITMQ_VHOST, IP_BENCH_ROWS (default 1,000,000), IP_BENCH_ASSETS (default 500, at most
// 500: one request), IP_BENCH_RULES (default 10,000), IP_BENCH_ROUNDS (default 1: rounds of four loads).
var admin = Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var rows = Setting("IP_BENCH_ROWS", 1_000_000);
var assets = Math.Min(Setting("IP_BENCH_ASSETS", 500), RequestLimits.MaxSymbols);
var ruleCount = Setting("IP_BENCH_RULES", 10_000);
var rounds = Setting("IP_BENCH_ROUNDS", 1);
var rabbitPort = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_PORT") ?? "55672";
var vhost = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_VHOST") ?? "/";
var barsPerAsset = rows / assets;

var dbName = $"ip_bench_{Guid.NewGuid():N}"[..20];
await Admin($"CREATE DATABASE {dbName}");
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dbName }.ConnectionString;
try
{
    var builder = WebApplication.CreateBuilder([
        "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Platform={connectionString}", "--Bus:Transport=RabbitMq",
        "--Bus:RabbitMq:Host=127.0.0.1", $"--Bus:RabbitMq:Port={rabbitPort}", $"--Bus:RabbitMq:VirtualHost={vhost}",
        "--Bus:EndpointPrefix=ip-bench-alerts", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:InvestmentPlatform=Warning", "--Outbox:PollMilliseconds=50",
    ]);
    builder.Services.AddSingleton<ICollector, SyntheticBars>();
    var roles = builder.AddPlatform();
    var app = builder.Build();
    app.UsePlatform(roles);
    await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
    await app.StartAsync();
    var bus = app.Services.GetRequiredService<IBus>();

    Console.WriteLine($"Loads of {assets * barsPerAsset:N0} one-minute bars ({assets} assets x {barsPerAsset:N0}) through the pipeline over RabbitMQ; " +
                      $"watched loads go into assets {ruleCount:N0} enabled rules watch");
    // The first full load pays once for what every later one finds ready (series chunks, pools, code paths): untimed.
    await LoadAsync("WARM", assets, barsPerAsset, rules: 0);
    var plain = new List<TimeSpan>();
    var watched = new List<TimeSpan>();
    for (var round = 0; round < rounds; round++)
    {
        plain.Add(await LoadAsync($"PLAIN{round}A", assets, barsPerAsset, rules: 0));
        watched.Add(await LoadAsync($"RULES{round}A", assets, barsPerAsset, ruleCount));
        watched.Add(await LoadAsync($"RULES{round}B", assets, barsPerAsset, ruleCount));
        plain.Add(await LoadAsync($"PLAIN{round}B", assets, barsPerAsset, rules: 0));
    }

    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Console.WriteLine($"Rules: {await db.AlertRules.CountAsync(r => r.Enabled):N0} enabled; firings: {await db.AlertFirings.CountAsync():N0}; " +
                          $"notifications: {await db.Notifications.CountAsync():N0}");
    }
    Console.WriteLine();
    Console.WriteLine($"{"load",-40} {"seconds (each)",24} {"total s",9}");
    Console.WriteLine($"{"no rule watching",-40} {string.Join(" ", plain.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture))),24} {plain.Sum(t => t.TotalSeconds),9:F1}");
    Console.WriteLine($"{$"{ruleCount:N0} rules watching",-40} {string.Join(" ", watched.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture))),24} {watched.Sum(t => t.TotalSeconds),9:F1}");
    var overhead = watched.Sum(t => t.TotalSeconds) / plain.Sum(t => t.TotalSeconds) - 1;
    Console.WriteLine($"Rules add {overhead:P1} to the load's wall time (target: at most 10 %): {(overhead <= 0.10 ? "met" : "NOT met")}");
    await app.StopAsync();

    // One load of `count` assets named prefix0..: the assets and their rules first (not timed), then the request until every
    // SeriesUpdated it published has been through the alerts' consumer.
    async Task<TimeSpan> LoadAsync(string prefix, int count, int bars, int rules)
    {
        var symbols = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToList();
        await AddAssetsAsync(symbols);
        if (rules > 0)
            await AddRulesAsync(symbols, rules);
        await Checkpoint();
        using var watch = new SeriesUpdatedWatch(bus);
        await using var scope = app.Services.CreateAsyncScope();
        var sw = Stopwatch.StartNew();
        var request = await scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>().SubmitAsync(new IngestionSubmission(
            "benchsynthetic", symbols, "crypto", "1m", SyntheticBars.Start, SyntheticBars.Start.AddMinutes(bars), "batch"), default);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        IngestionRequest state;
        do
        {
            await Task.Delay(100);
            state = await db.IngestionRequests.AsNoTracking().FirstAsync(r => r.Id == request.Id);
        } while (state.Status is IngestionStatuses.Pending or IngestionStatuses.Running && sw.Elapsed < TimeSpan.FromMinutes(30));
        // SyntheticBars hands over 5,000 bars a part, and the loader announces each part: one SeriesUpdated each.
        await watch.AllEvaluatedAsync(request.Id, count * ((bars + 4_999) / 5_000), TimeSpan.FromMinutes(10));
        var elapsed = sw.Elapsed;
        if (state.Status != IngestionStatuses.Succeeded || state.RecordsLoaded != (long)count * bars)
            throw new InvalidOperationException($"{prefix}: {state.Status}, {state.RecordsLoaded:N0} rows");
        Console.WriteLine($"  {prefix}: {state.RecordsLoaded:N0} rows, {watch.Evaluated(request.Id):N0} SeriesUpdated evaluated, {rules:N0} rules: {elapsed.TotalSeconds:F1} s");
        return elapsed;
    }

    // Rules spread evenly over the assets' 1m series, cycling through price, move and volume: price levels around the
    // synthetic prices (100 ± 10), so some fire and re-arm during the load and most stay quiet.
    async Task AddRulesAsync(List<string> symbols, int total)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ids = await db.Assets.AsNoTracking().Where(a => symbols.Contains(a.Symbol)).ToDictionaryAsync(a => a.Symbol, a => a.AssetId);
        var now = DateTime.UtcNow;
        for (var i = 0; i < total; i++)
        {
            var symbol = symbols[i % symbols.Count];
            var kind = (i / symbols.Count % 3) switch { 0 => "price", 1 => "move", _ => "volume" };
            db.AlertRules.Add(new AlertRule
            {
                Id = Guid.CreateVersion7(), OwnerId = "bench", Name = $"{kind} {i}", Kind = kind, Enabled = true, Channels = "inapp",
                AssetId = ids[symbol], Symbol = symbol, Interval = "1m", Direction = kind == "price" ? (i % 2 == 0 ? "above" : "below") : "either",
                Field = kind == "price" ? "close" : null, Level = kind == "price" ? 95 + i % 11 : null, Hysteresis = kind == "price" ? 1 : null,
                Percent = kind == "move" ? 5 : null, Bars = kind switch { "move" => 10, "volume" => 20, _ => null }, Multiplier = kind == "volume" ? 3 : null,
                Version = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    // Every load's assets exist before it is timed (the rules need their ids), so both sides register none.
    async Task AddAssetsAsync(List<string> symbols)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = DateTime.UtcNow;
        foreach (var s in symbols)
            db.Assets.Add(new InvestmentPlatform.Data.Assets.Asset { Symbol = s, AssetType = "crypto", Source = "benchsynthetic", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)");
}
return 0;

static int Setting(string name, int fallback) =>
    int.Parse(Environment.GetEnvironmentVariable(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

// Each timed load starts from the same server state: no dirty pages or WAL left from the one before.
async Task Checkpoint()
{
    await Admin("CHECKPOINT");
    await Admin("VACUUM ANALYZE", connectionString);
}

async Task Admin(string sql, string? on = null)
{
    await using var conn = new NpgsqlConnection(on ?? admin);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}
