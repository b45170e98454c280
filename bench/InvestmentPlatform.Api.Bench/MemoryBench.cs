using System.Diagnostics;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// Goal 4: the working set of this process (the API runs in it) while the API streams one year of minute bars and
/// while it streams two: the peak must stay flat when the rows double, as the bars are never held in memory.
/// </summary>
public static class MemoryBench
{
    private const int Repeats = 3;

    public static async Task RunAsync(BenchApi api, List<string> goals)
    {
        var oneYear = $"/api/market-data/{BenchSettings.Symbol}/bars?interval=1m&from=2023-01-01&to=2023-12-31T23:59:00Z";
        var twoYears = $"/api/market-data/{BenchSettings.TwoYearSymbol}/bars?interval=1m&from=2023-01-01&to=2024-12-31T23:59:00Z";
        // Warm: the first request of a symbol compiles and caches what any later one reuses.
        await Timings.ApiAsync(api.Http, oneYear);
        await Timings.ApiAsync(api.Http, twoYears);

        var one = new List<(long Baseline, long Peak)>();
        var two = new List<(long Baseline, long Peak)>();
        for (var i = 0; i < Repeats; i++)
        {
            one.Add(await PeakAsync(() => Timings.ApiAsync(api.Http, oneYear)));
            two.Add(await PeakAsync(() => Timings.ApiAsync(api.Http, twoYears)));
        }
        var (baseline1, peak1) = (Median(one.Select(m => m.Baseline)), Median(one.Select(m => m.Peak)));
        var (baseline2, peak2) = (Median(two.Select(m => m.Baseline)), Median(two.Select(m => m.Peak)));
        var ratio = (double)peak2 / peak1;
        Console.WriteLine($"Working set of the API's process while it streams, sampled every 20 ms, median of {Repeats} (load {BenchProgram.LoadAverage()}):");
        Console.WriteLine($"  {BenchSettings.BarsPerYear,9:N0} bars ({BenchSettings.Symbol}, one year)    before {MiB(baseline1)}   peak {MiB(peak1)}   growth {MiB(peak1 - baseline1)}");
        Console.WriteLine($"  {BenchSettings.BarsTwoYears,9:N0} bars ({BenchSettings.TwoYearSymbol}, two years)   before {MiB(baseline2)}   peak {MiB(peak2)}   growth {MiB(peak2 - baseline2)}");
        Console.WriteLine($"  peak with twice the rows: {ratio:F2}x");
        goals.Add($"4. memory flat when rows double: peak {MiB(peak1)} for {BenchSettings.BarsPerYear:N0} bars, {MiB(peak2)} for {BenchSettings.BarsTwoYears:N0} ({ratio:F2}x, within 10 %): {(ratio <= 1.1 ? "met" : "not met")}");
    }

    private static async Task<(long Baseline, long Peak)> PeakAsync(Func<Task<double>> request)
    {
        // Aggressive: the memory the previous request left free goes back to the system, so the baseline is what is in use.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20);
            }
        });
        await request();
        await stop.CancelAsync();
        await sampler;
        return (baseline, peak);
    }

    private static long Median(IEnumerable<long> values) => values.Order().ElementAt(Repeats / 2);

    private static string MiB(long bytes) => $"{bytes / 1048576.0,6:F0} MiB";
}
