using System.Globalization;

namespace InvestmentPlatform.Ingestion.Bench;

/// <summary>The highest working set of this process, sampled every 20 ms while it runs.</summary>
public sealed class WorkingSetPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public long Before { get; }
    public long Peak { get; private set; }

    public WorkingSetPeak()
    {
        Before = Sample();
        Peak = Before;
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Peak = Math.Max(Peak, Sample());
                await Task.Delay(20);
            }
        });
    }

    // The resident set from /proc/self/statm (in pages): one small read, where Process.WorkingSet64 costs a scan of
    // /proc that showed up in the profile of the very load it watched.
    private static long Sample() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
