using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Collectors.Resilience;

/// <summary>One <see cref="SourceGateway"/> per source for the whole process, so every caller shares its limiter and breaker.</summary>
public sealed class SourceGateways(IOptionsMonitor<SourceOptions> options, ILoggerFactory loggers, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SourceGateway>> _gateways = new(StringComparer.OrdinalIgnoreCase);

    public SourceGateway For(string source) => _gateways.GetOrAdd(source, name => new Lazy<SourceGateway>(() =>
        new SourceGateway(name, options.Get(name), loggers.CreateLogger($"InvestmentPlatform.Collectors.{name}"), time))).Value;

    public void Dispose()
    {
        foreach (var gateway in _gateways.Values.Where(g => g.IsValueCreated))
            gateway.Value.Dispose();
    }
}
