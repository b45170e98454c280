using System.Collections.Concurrent;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Alerts.Bench;

/// <summary>
/// Counts, per request, the SeriesUpdated messages the alerts' consumer has handled: a load is over for alerting once
/// every part it loaded has been through it (the outbox may still be publishing after the request itself finished).
/// </summary>
public sealed class SeriesUpdatedWatch : IConsumeObserver, IDisposable
{
    private const string AlertsEndpoint = "series-alerts";
    private readonly ConcurrentDictionary<Guid, int> _evaluated = new();
    private readonly ConnectHandle _consume;

    public SeriesUpdatedWatch(IBus bus) => _consume = bus.ConnectConsumeObserver(this);

    public int Evaluated(Guid request) => _evaluated.GetValueOrDefault(request);

    public async Task AllEvaluatedAsync(Guid request, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_evaluated.GetValueOrDefault(request) < expected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{_evaluated.GetValueOrDefault(request)} of {expected} SeriesUpdated evaluated.");
            await Task.Delay(20);
        }
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is SeriesUpdated m && context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("-" + AlertsEndpoint, StringComparison.Ordinal))
            _evaluated.AddOrUpdate(m.RequestId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public void Dispose() => _consume.Disconnect();
}
