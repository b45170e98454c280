using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// The reports' figures: the Parquet export of every BENCH row (10 M) against the JSON endpoint for the same rows, with
/// the process's working set growth; and a portfolio PDF of 50 holdings over 10 years of daily bars, time to file.
/// </summary>
public static class ReportBenchmarks
{
    // Two years: BENCH-1 holds two.
    private const string Range = "interval=1m&from=2023-01-01&to=2025-01-01";

    public static async Task ExportAsync(HttpClient http, long rows)
    {
        var symbols = Enumerable.Range(0, BenchSettings.Assets).Select(i => $"BENCH-{i}").ToList();
        // Alternated twice, so both see the same cache and machine load; the second of each is reported.
        for (var round = 1; round <= 2; round++)
        {
            var parquet = await MeasureAsync(() => ReadAllAsync(http, [$"/api/market-data/export?symbols={string.Join(',', symbols)}&{Range}&format=parquet"]));
            var json = await MeasureAsync(() => ReadAllAsync(http, symbols.Select(s => $"/api/market-data/{s}/bars?{Range}").ToList()));
            if (round == 1)
                continue;
            Console.WriteLine($"Export of {BenchSettings.Assets} symbols' one-minute bars (every row of market_data):");
            Print("Parquet, one request (export)", parquet, rows);
            Print($"JSON, {symbols.Count} requests (bars)", json, rows);
        }
    }

    private static void Print(string what, (double Seconds, long Bytes, long PeakGrowth) m, long rows) =>
        Console.WriteLine($"  {what,-34} {m.Seconds,7:F1} s   {rows / m.Seconds,9:N0} rows/s   {m.Bytes / 1048576.0,6:F0} MiB   working set +{m.PeakGrowth / 1048576.0:F0} MiB at peak");

    /// <summary>Wall time, bytes read, and the working set's peak growth over its value before (sampled every 50 ms).</summary>
    private static async Task<(double Seconds, long Bytes, long PeakGrowth)> MeasureAsync(Func<Task<long>> work)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50);
            }
        });
        var clock = Stopwatch.StartNew();
        var bytes = await work();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return (seconds, bytes, peak - before);
    }

    private static async Task<long> ReadAllAsync(HttpClient http, IReadOnlyList<string> paths)
    {
        long total = 0;
        var buffer = new byte[81920];
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
                total += read;
        }
        return total;
    }

    /// <summary>50 stocks with 10 years of weekday bars, a portfolio holding all of them (bought over the first year, some trimmed later).</summary>
    public static async Task PortfolioPdfAsync(HttpClient http, NpgsqlDataSource db, int runs)
    {
        const int holdings = 50;
        var start = new DateTime(2015, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(10);
        await using (var seed = db.CreateCommand("""
            INSERT INTO assets (symbol, name, asset_type, currency, source, metadata, created_at, updated_at)
            SELECT 'PDF-' || lpad(i::text, 2, '0'), 'Holding ' || i, 'stock', 'USD', 'synthetic', '{}', now(), now()
            FROM generate_series(0, @n - 1) AS i
            ON CONFLICT DO NOTHING;
            INSERT INTO market_data (asset_id, interval, time, open, high, low, close, adj_close, volume, dividends, stock_splits)
            SELECT a.asset_id, '1d', d, p, p * 1.01, p * 0.99, p, p, 100000, 0, 0
            FROM assets a
            CROSS JOIN LATERAL (SELECT d, 50 + a.asset_id % 17 + 20 * sin(extract(epoch FROM d) / 8e6 + a.asset_id) + extract(epoch FROM d - @start) / 3e6 AS p
                                FROM generate_series(@start, @end, interval '1 day') AS d WHERE extract(isodow FROM d) < 6) s
            WHERE a.symbol LIKE 'PDF-%'
            ON CONFLICT DO NOTHING;
            """))
        {
            seed.Parameters.AddWithValue("n", holdings);
            seed.Parameters.AddWithValue("start", start);
            seed.Parameters.AddWithValue("end", end);
            await seed.ExecuteNonQueryAsync();
        }

        var portfolio = await PostAsync(http, "/api/portfolios", new { name = $"Bench {Guid.NewGuid():N}", baseCurrency = "USD" });
        var id = portfolio.GetProperty("id").GetGuid();
        await PostAsync(http, $"/api/portfolios/{id}/transactions", new { type = "deposit", time = start, amount = 10_000_000.0, currency = "USD" });
        for (var i = 0; i < holdings; i++)
        {
            var symbol = $"PDF-{i:D2}";
            await PostAsync(http, $"/api/portfolios/{id}/transactions", new { type = "buy", symbol, time = start.AddDays(7 * i), quantity = 100.0 + i, price = 60.0 });
            if (i % 5 == 0)
                await PostAsync(http, $"/api/portfolios/{id}/transactions", new { type = "sell", symbol, time = start.AddYears(5).AddDays(i), quantity = 10.0, price = 80.0 });
        }

        var path = $"/api/portfolios/{id}/report?format=pdf&from={start:yyyy-MM-dd}&to={end:yyyy-MM-dd}";
        var times = new List<double>();
        long size = 0;
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var file = await http.GetByteArrayAsync(path);
            if (i > 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
            size = file.LongLength;
        }
        times.Sort();
        Console.WriteLine($"Portfolio PDF: {holdings} holdings, 10 years of daily bars ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}), {runs} runs after a warm-up");
        Console.WriteLine($"  time to file  median {times[times.Count / 2]:F0} ms   fastest {times[0]:F0} ms   slowest {times[^1]:F0} ms   {size / 1024.0:F0} KiB");
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
