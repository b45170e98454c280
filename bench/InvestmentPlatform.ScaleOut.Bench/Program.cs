using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.ScaleOut.Bench;
using Npgsql;

// Runs the distributed platform as real processes (one api, then 1, 2, … workers) and loads the same synthetic
// request with each worker count: 20 crypto symbols x 180 days of 5-minute bars (1,036,800 rows). Prints rows/s, the
// speed-up over one worker, and where the CPU went, so the bottleneck is named by a figure.
// Settings: IP_BENCH_POSTGRES (admin connection, default the test server on 127.0.0.1:55432),
// IP_BENCH_RABBITMQ_PORT (default 55672), IP_BENCH_RABBITMQ_VHOST (default /), IP_BENCH_WORKERS (default "1,2"),
// IP_BENCH_SYMBOLS (default 20), IP_BENCH_DAYS (default 180).
var admin = Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var rabbitPort = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_PORT") ?? "55672";
var vhost = Environment.GetEnvironmentVariable("IP_BENCH_RABBITMQ_VHOST") ?? "/";
var workerCounts = (Environment.GetEnvironmentVariable("IP_BENCH_WORKERS") ?? "1,2").Split(',').Select(int.Parse).ToArray();
var symbols = int.Parse(Environment.GetEnvironmentVariable("IP_BENCH_SYMBOLS") ?? "20", CultureInfo.InvariantCulture);
var days = int.Parse(Environment.GetEnvironmentVariable("IP_BENCH_DAYS") ?? "180", CultureInfo.InvariantCulture);
var from = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var expected = (long)symbols * days * 288;
var apiKey = "ipk_bench_" + Guid.NewGuid().ToString("N");

Console.WriteLine($"Scale-out: {symbols} synthetic crypto symbols x {days} days of 5m bars = {expected:N0} rows per run, " +
                  $"{Environment.ProcessorCount} cores; one api process, then {string.Join(", ", workerCounts)} worker processes");
Console.WriteLine();
var results = new List<(int Workers, TimeSpan Time, long Rows, string Status, Dictionary<string, double> Cpu, double Machine)>();
foreach (var workers in workerCounts)
    results.Add(await RunAsync(workers));

Console.WriteLine();
Console.WriteLine($"{"workers",7} {"status",-10} {"rows",11} {"seconds",8} {"rows/s",10} {"speed-up",8} | CPU use of 2 cores: {"workers",8} {"api",6} {"postgres",8} {"rabbitmq",8} {"machine",8}");
var baseline = results[0].Rows / results[0].Time.TotalSeconds;
foreach (var r in results)
{
    var rate = r.Rows / r.Time.TotalSeconds;
    string Share(double cpuSeconds) => (cpuSeconds / (r.Time.TotalSeconds * Environment.ProcessorCount)).ToString("P0", CultureInfo.InvariantCulture);
    Console.WriteLine($"{r.Workers,7} {r.Status,-10} {r.Rows,11:N0} {r.Time.TotalSeconds,8:F1} {rate,10:N0} {rate / baseline,7:F2}x |                    " +
                      $"{Share(r.Cpu["workers"]),8} {Share(r.Cpu["api"]),6} {Share(r.Cpu["postgres"]),8} {Share(r.Cpu["rabbitmq"]),8} {Share(r.Machine),8}");
}
return 0;

async Task<(int, TimeSpan, long, string, Dictionary<string, double>, double)> RunAsync(int workers)
{
    var database = $"ip_scale_{Guid.NewGuid():N}"[..20];
    await AdminAsync($"CREATE DATABASE {database}");
    var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    var settings = new Dictionary<string, string>
    {
        ["ConnectionStrings__Platform"] = connectionString,
        ["Bus__Transport"] = "RabbitMq",
        ["Bus__EndpointPrefix"] = database,
        ["Bus__RabbitMq__Host"] = "127.0.0.1",
        ["Bus__RabbitMq__Port"] = rabbitPort,
        ["Bus__RabbitMq__VirtualHost"] = vhost,
        ["Auth__BootstrapAdminPassword"] = "Bench-" + Guid.NewGuid().ToString("N"),
        ["Auth__BootstrapApiKey"] = apiKey,
        ["RateLimits__PermitsPerUser"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
    };
    var processes = new List<RoleProcess>();
    try
    {
        // The api migrates the empty database first; workers then find it ready.
        processes.Add(RoleProcess.Start("api", settings));
        await processes[0].WaitReadyAsync(TimeSpan.FromMinutes(3));
        for (var i = 0; i < workers; i++)
            processes.Add(RoleProcess.Start("worker", settings));
        await Task.WhenAll(processes.Skip(1).Select(p => p.WaitReadyAsync(TimeSpan.FromMinutes(3))));
        // Every worker's heartbeat is in before the load starts, so the cap already counts them all.
        await WaitAsync(async () => await ScalarAsync<long>(connectionString, "SELECT count(*) FROM worker_presence") >= workers);

        using var client = new HttpClient { BaseAddress = processes[0].Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var names = Enumerable.Range(1, symbols).Select(i => $"SCALE{i}-USD").ToArray();

        var cpuBefore = Cpu(processes);
        var machineBefore = CpuTime.Machine();
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/ingestion/requests", new
        {
            source = "synthetic", symbols = names, assetType = "crypto", interval = "5m", from, to = from.AddDays(days),
        });
        if ((int)response.StatusCode != 202)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        string status;
        do
        {
            await Task.Delay(100);
            status = await ScalarAsync<string>(connectionString, $"SELECT status FROM ingestion_requests WHERE id = '{id}'");
        } while (status is "pending" or "running" && sw.Elapsed < TimeSpan.FromMinutes(15));
        sw.Stop();
        var machine = CpuTime.Machine() - machineBefore;
        var cpuAfter = Cpu(processes);
        var cpu = cpuAfter.ToDictionary(kv => kv.Key, kv => kv.Value - cpuBefore[kv.Key]);
        var rows = await ScalarAsync<long>(connectionString, "SELECT count(*) FROM market_data");
        Console.WriteLine($"{workers} worker(s): {status}, {rows:N0} of {expected:N0} rows in {sw.Elapsed.TotalSeconds:F1} s");
        return (workers, sw.Elapsed, rows, status, cpu, machine);
    }
    finally
    {
        foreach (var p in processes)
            await p.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
}

Dictionary<string, double> Cpu(List<RoleProcess> processes) => new()
{
    ["api"] = CpuTime.OfProcess(processes[0].Id),
    ["workers"] = processes.Skip(1).Sum(p => CpuTime.OfProcess(p.Id)),
    ["postgres"] = CpuTime.OfCommands("postgres", "postmaster"),
    ["rabbitmq"] = CpuTime.OfCommands("beam.smp", "erl_child_setup", "epmd"),
};

async Task WaitAsync(Func<Task<bool>> condition)
{
    var deadline = DateTime.UtcNow.AddMinutes(1);
    while (!await condition())
    {
        if (DateTime.UtcNow > deadline)
            throw new TimeoutException("the workers never announced themselves");
        await Task.Delay(200);
    }
}

async Task<T> ScalarAsync<T>(string connection, string sql)
{
    await using var conn = new NpgsqlConnection(connection);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    return (T)(await cmd.ExecuteScalarAsync())!;
}

async Task AdminAsync(string sql)
{
    await using var conn = new NpgsqlConnection(admin);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}
