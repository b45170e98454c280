using System.Diagnostics;

namespace InvestmentPlatform.IntegrationTests.Hostile;

/// <summary>Samples this process's working set (the host runs in it) until disposed, and keeps the peak.</summary>
public sealed class MemoryWatchdog : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemoryWatchdog()
    {
        using (var process = Process.GetCurrentProcess())
            BaselineBytes = process.WorkingSet64;
        _sampling = SampleAsync();
    }

    public long BaselineBytes { get; }
    public long PeakBytes { get; private set; }
    public long GrowthBytes => PeakBytes - BaselineBytes;

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            process.Refresh();
            PeakBytes = Math.Max(PeakBytes, process.WorkingSet64);
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result));
    }

    private bool _stopped;

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
