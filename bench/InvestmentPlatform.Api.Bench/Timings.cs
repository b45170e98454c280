using System.Diagnostics;
using InvestmentPlatform.Api.MarketData;

namespace InvestmentPlatform.Api.Bench;

/// <summary>Times of the direct query and of the API for the same rows, taken alternately so both see the same cache and load.</summary>
public sealed record Timings(List<double> Direct, List<double> Api)
{
    public double DirectP50 => Percentile(Direct, 50);
    public double ApiP50 => Percentile(Api, 50);
    public double DirectP99 => Percentile(Direct, 99);
    public double ApiP99 => Percentile(Api, 99);

    /// <summary>With fewer than 100 samples the 99th percentile is the slowest run, and is named so.</summary>
    public string TailName => Direct.Count >= 100 ? "p99" : "max";

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static async Task<Timings> AlternateAsync(int warmup, int iterations, Func<Task<double>> direct, Func<Task<double>> api)
    {
        var timings = new Timings([], []);
        for (var i = 0; i < warmup + iterations; i++)
        {
            var d = await direct();
            var a = await api();
            if (i < warmup)
                continue;
            timings.Direct.Add(d);
            timings.Api.Add(a);
        }
        return timings;
    }

    /// <summary>Every row read and every column touched, as the API must.</summary>
    public static async Task<double> DirectAsync(SeriesConnections connections, BarsPlan plan)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var timescale = await connections.HasTimescaleAsync(connection, CancellationToken.None);
        await using var cmd = BarsSql.Build(connection, connections.Provider, timescale, plan);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
        double checksum = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetDateTime(0);
            checksum += reader.GetDouble(1) + reader.GetDouble(2) + reader.GetDouble(3) + reader.GetDouble(4);
            checksum += (reader.IsDBNull(5) ? 0 : reader.GetDouble(5)) + (reader.IsDBNull(6) ? 0 : reader.GetDouble(6));
        }
        GC.KeepAlive(checksum);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Until the last byte of the body is read.</summary>
    public static async Task<double> ApiAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        while (await body.ReadAsync(buffer) > 0)
        {
        }
        return clock.Elapsed.TotalMilliseconds;
    }
}
