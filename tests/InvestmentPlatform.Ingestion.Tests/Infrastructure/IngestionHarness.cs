using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.Tests.Shared;

namespace InvestmentPlatform.Ingestion.Tests.Infrastructure;

/// <summary>
/// The ingestion services on a <see cref="SqliteBusHarness"/>: each spec class gets a database no other spec writes
/// to, deleted when it is done.
/// </summary>
public sealed class IngestionHarness : IAsyncDisposable
{
    private readonly SqliteBusHarness _harness;

    private IngestionHarness(SqliteBusHarness harness) => _harness = harness;

    public ServiceProvider Provider => _harness.Provider;
    public ITestHarness Bus => _harness.Bus;

    /// <param name="consumers">The consumers under test, as the spec registers them.</param>
    /// <param name="services">Stand-ins (collectors, registries) added before the ingestion services, so they win.</param>
    /// <param name="settings">Configuration, e.g. Ingestion:ChunksInFlightPerWorker.</param>
    public static async Task<IngestionHarness> StartAsync(
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null) =>
        new(await SqliteBusHarness.StartAsync(
            collection =>
            {
                collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
                collection.AddSingleton(new BusOptions());
                // The host's collectors module registers it; the coordinator needs it to delete a finished request's upload.
                collection.AddSingleton<ImportFiles>();
                services?.Invoke(collection);
                collection.AddIngestionServices();
            },
            bus => consumers?.Invoke(bus)));

    /// <summary>
    /// Publishes <paramref name="message"/> and returns once <typeparamref name="TConsumer"/> has consumed it without a
    /// fault: what the consumer did is all in the database and the harness by then, so a spec may assert that nothing
    /// else happened.
    /// </summary>
    public Task ConsumeAsync<TConsumer, T>(T message) where TConsumer : class, IConsumer where T : class =>
        Bus.PublishAndConsumeAsync<TConsumer, T>(message);

    /// <summary>Runs <paramref name="work"/> on a context of its own scope, as a consumer would get one.</summary>
    public Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> work) => _harness.DbAsync(work);

    public Task DbAsync(Func<PlatformDbContext, Task> work) => DbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Adds rows in one save.</summary>
    public Task SeedAsync(params object[] rows) => DbAsync(db =>
    {
        db.AddRange(rows);
        return db.SaveChangesAsync();
    });

    /// <summary>The messages of type <typeparamref name="T"/> staged in the outbox, as a consumer's transaction committed them.</summary>
    public Task<List<T>> OutboxAsync<T>() => _harness.OutboxAsync<T>();

    /// <summary>Reads until <paramref name="condition"/> holds: for state a consumer writes after the bus has gone quiet.</summary>
    public async Task<T> WaitForAsync<T>(Func<PlatformDbContext, Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await DbAsync(read);
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} never came about; last read: {value}");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
