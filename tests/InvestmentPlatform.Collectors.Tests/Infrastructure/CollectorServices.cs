using InvestmentPlatform.Collectors.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

/// <summary>The collectors as the host composes them, pointed at a loopback server with fast retries.</summary>
public static class CollectorServices
{
    public static ServiceProvider Build(LoopbackServer server, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var source in new[] { "Yahoo", "Coinbase", "Fred" })
        {
            settings[$"Sources:{source}:BaseUrl"] = server.Url;
            settings[$"Sources:{source}:RetryBaseDelay"] = "00:00:00.010";
            settings[$"Sources:{source}:RetryMaxDelay"] = "00:00:00.050";
            settings[$"Sources:{source}:MaxRetries"] = "3";
            settings[$"Sources:{source}:Timeout"] = "00:00:10";
            settings[$"Sources:{source}:RatePermits"] = "1000";
        }
        settings["Sources:Fred:ApiKey"] = "test-key";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCollectors();
        return builder.Services.BuildServiceProvider();
    }

    public static ICollector Collector(this ServiceProvider services, string name)
    {
        Assert.True(services.GetRequiredService<ICollectorRegistry>().TryGet(name, out var collector));
        return collector;
    }
}
