using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// GET bars for one year of 1-minute bars of one symbol from a 10-million-row market_data table, through the API
/// (Kestrel on loopback, whole body read) against the same SQL run directly, as JSON, as CSV and resampled to 1h; every
/// answer checked row by row against the direct query's. Then the API's working set while it streams one and two
/// years, the same query on the embedded SQLite database, and with <c>scale</c> (or IP_BENCH_SCALE=1) on 100M stored
/// rows. Prints each goal as met or not met; exits non-zero only when the API's rows differ from the database's.
/// With the argument <c>reports</c>: the export and portfolio PDF figures of <see cref="ReportBenchmarks"/> instead.
/// </summary>
public static class BenchProgram
{
    private const string Year = "from=2023-01-01&to=2023-12-31T23:59:00Z";

    public static async Task<int> Main(string[] args)
    {
        var settings = BenchSettings.FromEnvironment(args);
        var goals = new List<string>();
        try
        {
            Console.WriteLine($"load average at start: {LoadAverage()}");
            if (args is ["reports", ..])
            {
                await PostgresAsync(settings.ConnectionString, settings.TotalRows, BenchSettings.Assets, settings.Port, async api =>
                {
                    await ReportBenchmarks.PortfolioPdfAsync(api.Http, api.App.Services.GetRequiredService<NpgsqlDataSource>(), 5);
                    await ReportBenchmarks.ExportAsync(api.Http, settings.TotalRows);
                });
                return 0;
            }

            await PostgresAsync(settings.ConnectionString, settings.TotalRows, BenchSettings.Assets, settings.Port, async api =>
            {
                // Memory first, before the checks below hold whole answers in this process.
                await MemoryBench.RunAsync(api, goals);
                await ApiVersusDirectAsync(api, settings, goals);
                await DiskUsage.PrintAsync(api.App.Services.GetRequiredService<NpgsqlDataSource>(), settings.TotalRows);
                if (settings.Scale)
                    await ScaleAsync(settings, api, goals);
                else
                    goals.Add("2. cost follows rows returned (10M vs 100M stored): not measured; run with the argument scale or IP_BENCH_SCALE=1");
            });
            await SqliteAsync(settings, goals);
        }
        catch (BenchFailure ex)
        {
            Console.Error.WriteLine($"FAILED: {ex.Message}");
            return 2;
        }

        Console.WriteLine();
        Console.WriteLine($"Goals (load average {LoadAverage()}):");
        foreach (var goal in goals.Order(StringComparer.Ordinal))
            Console.WriteLine($"  {goal}");
        return 0;
    }

    /// <summary>Runs <paramref name="measure"/> against the API on a PostgreSQL database of <paramref name="rows"/> rows, filled first when needed.</summary>
    private static async Task PostgresAsync(string connectionString, long rows, int assets, int port, Func<BenchApi, Task> measure)
    {
        var filled = await BenchData.IsFilledOrDroppedAsync(connectionString, rows, assets);
        await using var api = await BenchApi.StartAsync(connectionString, null, port, async services =>
        {
            if (!filled)
                await BenchData.FillAsync(services.GetRequiredService<NpgsqlDataSource>(), rows, assets);
        });
        await measure(api);
    }

    private static BarsPlan Plan(long assetId, string interval, DateTime to) =>
        new(BarColumns.For("crypto"), assetId, "1m", interval, BenchSettings.YearStart, to, [], null);

    private static async Task<long> AssetIdAsync(BenchApi api, string symbol)
    {
        await using var connection = await api.Connections.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand().With("s", symbol);
        cmd.CommandText = "SELECT asset_id FROM assets WHERE symbol = @s";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Goal 1: JSON, CSV and 1h against the direct query.</summary>
    private static async Task ApiVersusDirectAsync(BenchApi api, BenchSettings settings, List<string> goals)
    {
        var assetId = await AssetIdAsync(api, BenchSettings.Symbol);
        var minutes = Plan(assetId, "1m", BenchSettings.YearEnd);
        var hours = Plan(assetId, "1h", BenchSettings.YearEnd);
        var basePath = $"/api/market-data/{BenchSettings.Symbol}/bars";
        var variants = new (string Name, BarsPlan Plan, string Path, bool Csv)[]
        {
            ("JSON 1m", minutes, $"{basePath}?interval=1m&{Year}", false),
            ("CSV 1m", minutes, $"{basePath}?interval=1m&{Year}&format=csv", true),
            ("JSON 1h from 1m", hours, $"{basePath}?interval=1h&{Year}", false),
        };

        Console.WriteLine($"GET bars: {BenchSettings.Symbol}, one year of 1-minute bars, from {settings.TotalRows:N0} stored rows; {settings.Iterations} runs after {settings.Warmup} warm-ups, API and direct alternated");
        foreach (var (name, plan, path, csv) in variants)
        {
            var direct = await BarRows.ReadDirectAsync(api.Connections, plan);
            var body = await api.Http.GetByteArrayAsync(path);
            BarRows.AssertEqual(name, direct, csv ? BarRows.ParseCsv(body) : BarRows.ParseJson(body));

            var t = await Timings.AlternateAsync(settings.Warmup, settings.Iterations,
                () => Timings.DirectAsync(api.Connections, plan), () => Timings.ApiAsync(api.Http, path));
            var (r50, rTail) = (t.ApiP50 / t.DirectP50, t.ApiP99 / t.DirectP99);
            var met = r50 <= 1.15 && rTail <= 1.3;
            Console.WriteLine($"  {name,-16} {direct.Count,9:N0} rows {body.Length / 1048576.0,6:F1} MiB   direct p50 {t.DirectP50,7:F1} ms {t.TailName} {t.DirectP99,7:F1} ms   API p50 {t.ApiP50,7:F1} ms {t.TailName} {t.ApiP99,7:F1} ms   ratio p50 {r50:F2}x {t.TailName} {rTail:F2}x   (load {LoadAverage()})");
            goals.Add($"1. bars endpoint vs direct SQL, {name}: p50 {r50:F2}x (<= 1.15x), {t.TailName} {rTail:F2}x (<= 1.3x), {settings.Iterations} runs: {(met ? "met" : "not met")}");
        }
    }

    /// <summary>
    /// Goal 2: the same one-year query with 100M rows stored instead of 10M, both APIs up and the four readings
    /// alternated, so both databases see the same machine load.
    /// </summary>
    private static async Task ScaleAsync(BenchSettings settings, BenchApi tenMillion, List<string> goals)
    {
        Console.WriteLine();
        await PostgresAsync(settings.ScaleConnectionString, BenchSettings.ScaleRows, BenchSettings.ScaleAssets, settings.Port + 1, async hundredMillion =>
        {
            var path = $"/api/market-data/{BenchSettings.Symbol}/bars?interval=1m&{Year}";
            var tenPlan = Plan(await AssetIdAsync(tenMillion, BenchSettings.Symbol), "1m", BenchSettings.YearEnd);
            var hundredPlan = Plan(await AssetIdAsync(hundredMillion, BenchSettings.Symbol), "1m", BenchSettings.YearEnd);
            BarRows.AssertEqual("JSON 1m at 100M", await BarRows.ReadDirectAsync(hundredMillion.Connections, hundredPlan),
                BarRows.ParseJson(await hundredMillion.Http.GetByteArrayAsync(path)));
            var (ten, hundred) = (new Timings([], []), new Timings([], []));
            for (var i = 0; i < settings.Warmup + settings.Iterations; i++)
            {
                var readings = (await Timings.DirectAsync(tenMillion.Connections, tenPlan), await Timings.ApiAsync(tenMillion.Http, path),
                    await Timings.DirectAsync(hundredMillion.Connections, hundredPlan), await Timings.ApiAsync(hundredMillion.Http, path));
                if (i < settings.Warmup)
                    continue;
                ten.Direct.Add(readings.Item1);
                ten.Api.Add(readings.Item2);
                hundred.Direct.Add(readings.Item3);
                hundred.Api.Add(readings.Item4);
            }
            var (direct, viaApi) = (hundred.DirectP50 / ten.DirectP50, hundred.ApiP50 / ten.ApiP50);
            Console.WriteLine($"One year of {BenchSettings.Symbol} (525,600 bars), p50 of {settings.Iterations} runs, the two databases alternated (load {LoadAverage()}):");
            Console.WriteLine($"  {settings.TotalRows,13:N0} rows stored   direct {ten.DirectP50,7:F1} ms   API {ten.ApiP50,7:F1} ms");
            Console.WriteLine($"  {BenchSettings.ScaleRows,13:N0} rows stored   direct {hundred.DirectP50,7:F1} ms   API {hundred.ApiP50,7:F1} ms");
            Console.WriteLine($"  ratio 100M/10M   direct {direct:F2}x   API {viaApi:F2}x   (target <= 1.2x)");
            await DiskUsage.PrintAsync(hundredMillion.App.Services.GetRequiredService<NpgsqlDataSource>(), BenchSettings.ScaleRows);
            goals.Add($"2. cost follows rows returned, 100M vs 10M stored: direct {direct:F2}x, API {viaApi:F2}x (<= 1.2x): {(direct <= 1.2 && viaApi <= 1.2 ? "met" : "not met")}");
        });
    }

    /// <summary>Goal 3: the embedded mode, the API and the direct query both on the SQLite file.</summary>
    private static async Task SqliteAsync(BenchSettings settings, List<string> goals)
    {
        Console.WriteLine();
        Directory.CreateDirectory(settings.SqliteDirectory);
        var filled = BenchData.IsSqliteFilledOrRemoved(settings.SqliteDirectory);
        // An empty connection string is the embedded database, whatever the environment sets.
        await using var api = await BenchApi.StartAsync("", settings.SqliteDirectory, settings.Port + 2, services =>
        {
            if (!filled)
                BenchData.FillSqlite(services.GetRequiredService<DatabaseSettings>().ConnectionString);
            return Task.CompletedTask;
        });
        var assetId = await AssetIdAsync(api, BenchSettings.Symbol);
        var plan = Plan(assetId, "1m", BenchSettings.YearEnd);
        var path = $"/api/market-data/{BenchSettings.Symbol}/bars?interval=1m&{Year}";
        BarRows.AssertEqual("SQLite JSON 1m", await BarRows.ReadDirectAsync(api.Connections, plan), BarRows.ParseJson(await api.Http.GetByteArrayAsync(path)));
        var t = await Timings.AlternateAsync(settings.Warmup, settings.Iterations,
            () => Timings.DirectAsync(api.Connections, plan), () => Timings.ApiAsync(api.Http, path));
        var ratio = t.ApiP50 / t.DirectP50;
        Console.WriteLine($"Embedded (SQLite {Path.Combine(settings.SqliteDirectory, "platform.db")}): one year of {BenchSettings.Symbol}, {settings.Iterations} runs (load {LoadAverage()})");
        Console.WriteLine($"  direct p50 {t.DirectP50,7:F1} ms {t.TailName} {t.DirectP99,7:F1} ms   API p50 {t.ApiP50,7:F1} ms {t.TailName} {t.ApiP99,7:F1} ms   ratio p50 {ratio:F2}x {t.TailName} {t.ApiP99 / t.DirectP99:F2}x");
        goals.Add($"3. embedded (SQLite) bars endpoint vs direct SQL: p50 {ratio:F2}x (<= 1.3x): {(ratio <= 1.3 ? "met" : "not met")}");
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
