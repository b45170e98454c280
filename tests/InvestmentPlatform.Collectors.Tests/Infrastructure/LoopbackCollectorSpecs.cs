using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

/// <summary>
/// A provider's collector specs: each spec gets its own loopback server standing in for the provider, and the collectors
/// pointed at it, so one spec's handler never answers another's calls.
/// </summary>
public abstract class LoopbackCollectorSpecs : IAsyncLifetime
{
    protected LoopbackServer Server { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LoopbackServer.StartAsync();
        Services = CollectorServices.Build(Server);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
