using InvestmentPlatform.ServiceDefaults.Correlation;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>
/// Outbox rows written while handling an HTTP request carry its correlation id, which the relay publishes as the
/// message's CorrelationId: the request's id then follows the work through the bus.
/// </summary>
public sealed class OutboxCorrelationInterceptor : OutboxRowsInterceptor
{
    protected override void Stamp(IReadOnlyList<OutboxMessage> added)
    {
        if (CorrelationId.Current is not { } id)
            return;
        foreach (var row in added)
            row.CorrelationId ??= id;
    }
}
