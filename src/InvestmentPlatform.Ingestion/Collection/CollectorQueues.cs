using InvestmentPlatform.Messaging;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>Names the receive endpoint of each source: one queue per source so sources scale and fail apart.</summary>
public sealed class CollectorQueues(BusOptions bus)
{
    public string QueueName(string source)
    {
        var name = $"collect-{source.ToLowerInvariant()}";
        return string.IsNullOrEmpty(bus.EndpointPrefix) ? name : $"{bus.EndpointPrefix}-{name}";
    }

    public Uri Address(string source) => new($"queue:{QueueName(source)}");
}
