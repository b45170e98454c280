namespace InvestmentPlatform.IntegrationTests.Api;

/// <summary>
/// One platform for every spec of a class, as an xUnit class fixture: for specs that only read what it was seeded
/// with, or are refused. A host per spec cost about 1.5 s of start, most of a run's integration time.
/// </summary>
public abstract class SharedApiHost(ApiDatabase database) : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Host = await ApiHost.StartAsync(database);
        await SeedAsync(Host);
    }

    protected virtual Task SeedAsync(ApiHost host) => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The embedded configuration (SQLite, in-memory bus) with nothing seeded.</summary>
public sealed class SqliteApiHost() : SharedApiHost(ApiDatabase.Sqlite);
