using System.Net;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Resilience;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_broker_goes_away : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PrivateRabbitMq _broker = null!;
    private PlatformProcess _api = null!;
    private PlatformProcess _worker = null!;

    public async Task InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync();
        _broker = await PrivateRabbitMq.StartAsync();
        var settings = new PlatformProcessSettings(_database.ConnectionString, _broker.Endpoints, "ready");
        _api = PlatformProcess.Start("api", settings);
        Assert.True(await _api.WaitReadyAsync(TimeSpan.FromSeconds(90)), _api.Tail());
        _worker = PlatformProcess.Start("worker", settings);
        Assert.True(await _worker.WaitReadyAsync(TimeSpan.FromSeconds(90)), _worker.Tail());
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_take_the_worker_out_of_rotation_until_it_returns_while_the_api_stays_in()
    {
        await _broker.StopNodeAsync();

        Assert.True(await Health.WaitForAsync(_worker, "/api/health/ready", HttpStatusCode.ServiceUnavailable), _worker.Tail());
        Assert.Equal(HttpStatusCode.OK, await Health.StatusAsync(_worker, "/api/health/live"));
        Assert.Equal(HttpStatusCode.OK, await Health.StatusAsync(_api, "/api/health/ready"));

        await _broker.StartNodeAsync();

        Assert.True(await Health.WaitForAsync(_worker, "/api/health/ready", HttpStatusCode.OK), _worker.Tail());
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_the_database_is_unreachable : IAsyncLifetime
{
    private PlatformProcess _api = null!;

    public async Task InitializeAsync()
    {
        var settings = new PlatformProcessSettings(
            "Host=127.0.0.1;Port=1;Username=postgres;Password=postgres;Database=none;Timeout=2",
            await TestServices.GetAsync(), $"u{Guid.NewGuid():N}"[..12],
            new Dictionary<string, string> { ["Database__MigrateOnStartup"] = "false" });
        _api = PlatformProcess.Start("api", settings);
        Assert.True(await Health.WaitForAsync(_api, "/api/health/live", HttpStatusCode.OK), _api.Tail());
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Should_be_live_but_not_ready()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Health.StatusAsync(_api, "/api/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await Health.StatusAsync(_api, "/api/health/live"));
    }
}

internal static class Health
{
    public static async Task<HttpStatusCode?> StatusAsync(PlatformProcess process, string path)
    {
        // As an orchestrator's probe: no credential, whose check would need the database.
        using var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public static async Task<bool> WaitForAsync(PlatformProcess process, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await StatusAsync(process, path) == status)
                return true;
            await Task.Delay(250);
        }
        return false;
    }
}
