using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_host_on_rabbitmq_is_stopped_right_after_it_starts : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestServices.CreateDatabaseAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_stop_every_time_within_ten_seconds()
    {
        var services = await TestServices.GetAsync();
        for (var i = 0; i < 20; i++)
        {
            var factory = new PlatformFactory(services, _database.ConnectionString);
            _ = factory.Server; // started: the bus is up and every endpoint, the per-source ones included, is connecting
            var stopwatch = Stopwatch.StartNew();
            var stop = factory.DisposeAsync().AsTask();
            // A bound, not a speed target: a stop that hangs would otherwise hang the whole run.
            var finished = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))) == stop;
            Assert.True(finished, $"start and stop #{i + 1} did not stop within 10 s");
            await stop;
        }
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_host_cannot_reach_its_broker : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformProcess? _host;

    public async Task InitializeAsync() => _database = await TestServices.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_still_stop_on_sigterm_within_its_shutdown_timeout()
    {
        var services = await TestServices.GetAsync() with { RabbitPort = ClosedPort() };
        _host = PlatformProcess.Start("worker", new PlatformProcessSettings(_database.ConnectionString, services, $"s{Guid.NewGuid():N}"[..12]));
        // The outage log's one warning: MassTransit's own connection failures are folded into it.
        Assert.True(await _host.WaitForOutputAsync(l => l.Contains("The message broker is unavailable", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
            $"the host never reported the unreachable broker:\n{_host.Tail()}");

        Assert.True(await _host.TerminateAsync(TimeSpan.FromSeconds(30)), $"the host did not stop within its shutdown timeout:\n{_host.Tail()}");
    }

    private static ushort ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
