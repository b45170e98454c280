using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Tests.Shared;

/// <summary>
/// Consumers under test on MassTransit's test harness, over a migrated SQLite file of their own that is deleted
/// afterwards. Shared by the unit-test projects as a linked source file.
/// </summary>
public sealed class SqliteBusHarness : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ip-harness-{Guid.NewGuid():N}.db");

    private SqliteBusHarness()
    {
    }

    public ServiceProvider Provider { get; private set; } = null!;
    public ITestHarness Bus { get; private set; } = null!;

    /// <param name="services">The services the consumers need, added after the database.</param>
    /// <param name="consumers">The consumers under test.</param>
    /// <param name="seed">Rows the spec starts from, saved before the bus starts.</param>
    public static async Task<SqliteBusHarness> StartAsync(
        Action<IServiceCollection> services, Action<IBusRegistrationConfigurator> consumers, Func<PlatformDbContext, Task>? seed = null)
    {
        var harness = new SqliteBusHarness();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => o.UseSqlite($"Data Source={harness._file}").UseSnakeCaseNamingConvention());
        services(collection);
        collection.AddMassTransitTestHarness(bus =>
        {
            bus.DisableUsageTelemetry();
            Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
            consumers(bus);
        });
        harness.Provider = collection.BuildServiceProvider(true);
        await harness.DbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            if (seed is not null)
                await seed(db);
            return true;
        });
        harness.Bus = harness.Provider.GetRequiredService<ITestHarness>();
        // The harness stops waiting for good once the bus has been quiet this long; a spec's second message comes later.
        harness.Bus.TestInactivityTimeout = TimeSpan.FromSeconds(30);
        harness.Bus.TestTimeout = TimeSpan.FromSeconds(60);
        await harness.Bus.Start();
        return harness;
    }

    /// <summary>Runs <paramref name="work"/> on a context of its own scope, as a consumer would get one.</summary>
    public async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>The messages of type <typeparamref name="T"/> staged in the outbox, as a consumer's transaction committed them.</summary>
    public Task<List<T>> OutboxAsync<T>() => DbAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(m => m.MessageType.StartsWith(typeof(T).FullName! + ",")).ToListAsync())
        .Select(m => JsonSerializer.Deserialize<T>(m.Body, OutboxJson.Options)!).ToList());

    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
