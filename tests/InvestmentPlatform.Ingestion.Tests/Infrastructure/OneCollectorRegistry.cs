using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Ingestion.Tests.Infrastructure;

/// <summary>A registry that knows one collector, so planning and collecting find the spec's stand-in by its name.</summary>
public sealed class OneCollectorRegistry(ICollector collector) : ICollectorRegistry
{
    public IReadOnlyList<SourceDescriptor> Sources => [collector.Descriptor];

    public bool TryGet(string source, out ICollector found)
    {
        found = collector;
        return source == collector.Descriptor.Name;
    }
}
