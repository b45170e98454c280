using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Collection;
using InvestmentPlatform.Ingestion.Coordinator;
using InvestmentPlatform.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_chunks_are_dispatched_to_the_workers_present : IAsyncLifetime
{
    private const int PendingChunks = 20;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ip-dispatch-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings = new() { ["Ingestion:ChunksInFlightPerWorker"] = "3" };
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build());
        services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => o.UseSqlite($"Data Source={_file}").UseSnakeCaseNamingConvention());
        services.AddSingleton(new BusOptions());
        services.AddIngestionServices();
        services.AddSingleton<WorkerHeartbeat>();
        services.AddMassTransitTestHarness(bus => bus.DisableUsageTelemetry());
        _provider = services.BuildServiceProvider(true);
        await using (var scope = _provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.MigrateAsync();
            var request = new IngestionRequest
            {
                Id = Guid.NewGuid(), Source = "fake", Symbols = "[\"X\"]", Interval = "1m", Mode = "batch",
                Status = IngestionStatuses.Running, CreatedAt = DateTime.UtcNow,
            };
            db.IngestionRequests.Add(request);
            var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < PendingChunks; i++)
                db.IngestionChunks.Add(new IngestionChunk
                {
                    Id = Guid.NewGuid(), RequestId = request.Id, Symbol = "X", Status = ChunkStatuses.Pending,
                    From = day.AddDays(i), To = day.AddDays(i + 1), CreatedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Should_keep_the_per_worker_share_in_flight_when_no_other_worker_is_present()
    {
        await StartAsync();

        Assert.Equal(3, await DispatchAsync());
        Assert.Equal(0, await DispatchAsync());
    }

    [Fact]
    public async Task Should_grow_the_cap_with_every_worker_heard_from_recently()
    {
        await StartAsync();
        await AddWorkersAsync(seenAgo: TimeSpan.FromSeconds(5), count: 3);
        await AddWorkersAsync(seenAgo: TimeSpan.FromMinutes(2), count: 2); // killed: they no longer count

        Assert.Equal(9, await DispatchAsync());
        Assert.Equal(9, await InFlightAsync());
        Assert.Equal(9, _harness.Sent.Select<InvestmentPlatform.Contracts.Ingestion.CollectChunk>().Count());
    }

    [Fact]
    public async Task Should_hold_a_source_to_its_fixed_cap_whatever_the_workers()
    {
        _settings["Ingestion:MaxChunksInFlight:fake"] = "2";
        await StartAsync();
        await AddWorkersAsync(seenAgo: TimeSpan.FromSeconds(5), count: 4);

        Assert.Equal(2, await DispatchAsync());
        Assert.Equal(2, await InFlightAsync());
    }

    [Fact]
    public async Task Should_announce_a_worker_while_it_runs_and_forget_it_when_it_stops()
    {
        await StartAsync();
        var heartbeat = _provider.GetRequiredService<WorkerHeartbeat>();

        await heartbeat.StartAsync(default);
        var present = await WaitForWorkersAsync(n => n == 1);
        await heartbeat.StopAsync(default);

        Assert.Equal(1, present);
        Assert.Equal(0, await WaitForWorkersAsync(n => n == 0));
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChunkDispatcher>().DispatchAsync("fake", default);
    }

    private async Task<int> InFlightAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IngestionChunks
            .CountAsync(c => c.Status == ChunkStatuses.Dispatched);
    }

    private async Task AddWorkersAsync(TimeSpan seenAgo, int count)
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        for (var i = 0; i < count; i++)
            db.WorkerPresence.Add(new WorkerPresence
            {
                Id = Guid.NewGuid(), Machine = "test", ProcessId = i, StartedAt = DateTime.UtcNow.AddHours(-1), SeenAt = DateTime.UtcNow - seenAgo,
            });
        await db.SaveChangesAsync();
    }

    private async Task<int> WaitForWorkersAsync(Func<int, bool> condition)
    {
        var n = -1;
        for (var i = 0; i < 200 && !condition(n); i++)
        {
            if (i > 0)
                await Task.Delay(50);
            await using var scope = _provider.CreateAsyncScope();
            n = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().WorkerPresence.CountAsync();
        }
        return n;
    }
}
