namespace InvestmentPlatform.Collectors.Core;

/// <summary>Every registered source by name.</summary>
public interface ICollectorRegistry
{
    IReadOnlyList<SourceDescriptor> Sources { get; }

    bool TryGet(string source, out ICollector collector);
}

internal sealed class CollectorRegistry(IEnumerable<ICollector> collectors) : ICollectorRegistry
{
    private readonly Dictionary<string, ICollector> _byName =
        collectors.ToDictionary(c => c.Descriptor.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SourceDescriptor> Sources => _byName.Values.Select(c => c.Descriptor).ToList();

    public bool TryGet(string source, out ICollector collector) => _byName.TryGetValue(source, out collector!);
}
