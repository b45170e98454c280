using System.Diagnostics;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Data;
using InvestmentPlatform.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// GET bars for one year of 1-minute bars of one symbol from a 10-million-row market_data table: p50 and p99 through
/// the API (Kestrel on loopback, whole body read) against the same SQL run directly (every row read). Target: API p50 ≤ 1.5× direct.
/// With the argument <c>reports</c>: the export and portfolio PDF figures of <see cref="ReportBenchmarks"/> instead.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var settings = BenchSettings.FromEnvironment();
        await BenchData.EnsureDatabaseAsync(settings.ConnectionString);

        var url = $"http://127.0.0.1:{settings.Port}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", url] });
        builder.Configuration["ConnectionStrings:Platform"] = settings.ConnectionString;
        builder.Configuration["Platform:Roles"] = "api";
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        // The API needs a credential: an admin with a key, as automation seeds one.
        var apiKey = $"ipk_bench_{Guid.NewGuid():N}";
        builder.Configuration["Auth:BootstrapAdminPassword"] = $"Bench-{Guid.NewGuid():N}";
        builder.Configuration["Auth:BootstrapApiKey"] = apiKey;
        builder.Configuration["RateLimits:PermitsPerUser"] = "1000000";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var roles = builder.AddPlatform();
        await using var app = builder.Build();
        app.UsePlatform(roles);
        await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        await BenchData.FillAsync(db, settings);
        await app.StartAsync();

        if (args is ["reports", ..])
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            await ReportBenchmarks.PortfolioPdfAsync(client, db, 5);
            await ReportBenchmarks.ExportAsync(client, settings.TotalRows);
            await app.StopAsync();
            return 0;
        }

        var connections = app.Services.GetRequiredService<SeriesConnections>();
        await using var lookup = db.CreateCommand("SELECT asset_id FROM assets WHERE symbol = @s");
        lookup.Parameters.AddWithValue("s", BenchSettings.Symbol);
        var assetId = (long)(await lookup.ExecuteScalarAsync())!;
        var plan = new BarsPlan(BarColumns.For(InvestmentPlatform.Contracts.Ingestion.AssetTypes.Stock), assetId, "1m", "1m", BenchSettings.YearStart, BenchSettings.YearEnd, [], null);

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var path = $"/api/market-data/{BenchSettings.Symbol}/bars?interval=1m&from=2023-01-01&to=2023-12-31T23:59:00Z";

        var direct = new List<double>();
        var api = new List<double>();
        long rows = 0, bytes = 0;
        for (var i = 0; i < settings.Warmup + settings.Iterations; i++)
        {
            // Alternate so both see the same cache and machine load.
            var (directMs, n) = await TimeDirectAsync(connections, plan);
            var (apiMs, size) = await TimeApiAsync(http, path);
            if (i < settings.Warmup)
                continue;
            direct.Add(directMs);
            api.Add(apiMs);
            rows = n;
            bytes = size;
        }

        var (d50, d99) = (Percentile(direct, 50), Percentile(direct, 99));
        var (a50, a99) = (Percentile(api, 50), Percentile(api, 99));
        Console.WriteLine($"GET bars: {rows:N0} one-minute bars of {BenchSettings.Symbol} (one year) from {settings.TotalRows:N0} rows; {bytes / 1024.0 / 1024.0:F1} MiB of JSON; {settings.Iterations} runs");
        Console.WriteLine($"  direct SQL  p50 {d50,8:F1} ms   p99 {d99,8:F1} ms");
        Console.WriteLine($"  API (JSON)  p50 {a50,8:F1} ms   p99 {a99,8:F1} ms");
        Console.WriteLine($"  ratio API/direct  p50 {a50 / d50:F2}x   p99 {a99 / d99:F2}x   (target p50 <= 1.50x: {(a50 / d50 <= 1.5 ? "met" : "missed")})");
        await app.StopAsync();
        return 0;
    }

    private static async Task<(double Ms, long Rows)> TimeDirectAsync(SeriesConnections connections, BarsPlan plan)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var cmd = BarsSql.Build(connection, connections.Provider, false, plan);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
        long rows = 0;
        double checksum = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetDateTime(0);
            checksum += reader.GetDouble(1) + reader.GetDouble(2) + reader.GetDouble(3) + reader.GetDouble(4);
            checksum += (reader.IsDBNull(5) ? 0 : reader.GetDouble(5)) + (reader.IsDBNull(6) ? 0 : reader.GetDouble(6));
            rows++;
        }
        GC.KeepAlive(checksum);
        return (clock.Elapsed.TotalMilliseconds, rows);
    }

    private static async Task<(double Ms, long Bytes)> TimeApiAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
            total += read;
        return (clock.Elapsed.TotalMilliseconds, total);
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
