using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

/// <summary>Counts trigger firings per scheduler job from the platform.scheduler.firings metric, which a firing records before it starts its run.</summary>
public sealed class FiringCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _firings = new();
    private readonly MeterListener _listener = new();

    public FiringCounter()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "platform.scheduler.firings")
                l.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "job")
                    _firings.AddOrUpdate((string)tag.Value!, 1, (_, n) => n + 1);
        });
        _listener.Start();
    }

    public int Of(Guid jobId) => _firings.GetValueOrDefault(jobId.ToString());

    public void Dispose() => _listener.Dispose();
}
