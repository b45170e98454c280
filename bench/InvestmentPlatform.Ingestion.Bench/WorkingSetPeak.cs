using System.Diagnostics;

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

    private static long Sample()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
