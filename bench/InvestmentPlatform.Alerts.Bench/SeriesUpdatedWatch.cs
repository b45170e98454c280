using System.Collections.Concurrent;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Alerts.Bench;

/// <summary>
/// Counts, per request, the SeriesUpdated messages published and those the alerts' consumer has handled: a load is
/// over for alerting once the two are equal after the request itself finished.
/// </summary>
public sealed class SeriesUpdatedWatch : IPublishObserver, IConsumeObserver, IDisposable
{
    private const string AlertsEndpoint = "series-alerts";
    private readonly ConcurrentDictionary<Guid, int> _published = new();
    private readonly ConcurrentDictionary<Guid, int> _evaluated = new();
    private readonly ConnectHandle _publish;
    private readonly ConnectHandle _consume;

    public SeriesUpdatedWatch(IBus bus)
    {
        _publish = bus.ConnectPublishObserver(this);
        _consume = bus.ConnectConsumeObserver(this);
    }

    public int Evaluated(Guid request) => _evaluated.GetValueOrDefault(request);

    public async Task AllEvaluatedAsync(Guid request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_evaluated.GetValueOrDefault(request) < _published.GetValueOrDefault(request) || _published.GetValueOrDefault(request) == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{_evaluated.GetValueOrDefault(request)} of {_published.GetValueOrDefault(request)} SeriesUpdated evaluated.");
            await Task.Delay(20);
        }
    }

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is SeriesUpdated m)
            _published.AddOrUpdate(m.RequestId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is SeriesUpdated m && context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("-" + AlertsEndpoint, StringComparison.Ordinal))
            _evaluated.AddOrUpdate(m.RequestId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public void Dispose()
    {
        _publish.Disconnect();
        _consume.Disconnect();
    }
}
