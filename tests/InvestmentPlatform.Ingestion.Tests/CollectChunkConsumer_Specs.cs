using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
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

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_collector_serves_a_chunk : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ip-harness-{Guid.NewGuid():N}.db");
    private readonly FakeCollector _collector = new();
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private readonly Guid _chunkId = Guid.NewGuid();
    private readonly Guid _requestId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => o.UseSqlite($"Data Source={_file}").UseSnakeCaseNamingConvention());
        services.AddSingleton(new BusOptions());
        services.AddSingleton<ICollector>(_collector);
        services.AddSingleton<ICollectorRegistry>(new Registry(_collector));
        services.AddIngestionServices();
        services.AddMassTransitTestHarness(bus => bus.AddConsumer<CollectChunkConsumer>(c =>
            c.UseMessageRetry(r => r.Immediate(2).Ignore<CollectorException>(e => !e.IsRetryable))));
        _provider = services.BuildServiceProvider(true);

        await using (var scope = _provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.MigrateAsync();
            db.IngestionRequests.Add(new IngestionRequest
            {
                Id = _requestId, Source = "fake", Symbols = "[\"X\"]", Interval = "1m", Mode = "batch", Status = IngestionStatuses.Running,
            });
            db.IngestionChunks.Add(new IngestionChunk { Id = _chunkId, RequestId = _requestId, Symbol = "X", Status = ChunkStatuses.Dispatched });
            await db.SaveChangesAsync();
        }
        _harness = _provider.GetRequiredService<ITestHarness>();
        _harness.TestInactivityTimeout = TimeSpan.FromSeconds(30);
        _harness.TestTimeout = TimeSpan.FromSeconds(60);
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private CollectChunk Chunk() => new(_requestId, _chunkId, "fake", "X", "crypto", "1m",
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task Should_publish_parts_of_at_most_5000_rows_with_only_the_last_flagged()
    {
        _collector.Rows = 12_001;
        await _harness.Bus.Publish(Chunk());

        Assert.True(await _harness.Published.Any<DataCollected>(m => m.Context.Message.IsLastPart));
        var parts = _harness.Published.Select<DataCollected>().Select(p => p.Context.Message).OrderBy(m => m.Part).ToList();
        Assert.Equal([5000, 5000, 2001], parts.Select(p => p.Rows.Count));
        Assert.Equal([0, 1, 2], parts.Select(p => p.Part));
        Assert.Equal([false, false, true], parts.Select(p => p.IsLastPart));
        Assert.Equal(12_001, parts.SelectMany(p => p.Rows.ToRows()).Select(r => r.Time).Distinct().Count());
    }

    [Fact]
    public async Task Should_fail_fast_on_a_permanent_error_and_retry_a_transient_one()
    {
        _collector.Failure = ErrorClass.NotFound;
        await _harness.Bus.Publish(Chunk());
        Assert.True(await _harness.Published.Any<Fault<CollectChunk>>());
        Assert.Equal(1, _collector.Calls);

        await using var scope = _provider.CreateAsyncScope();
        var chunk = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IngestionChunks.SingleAsync();
        Assert.Equal(nameof(ErrorClass.NotFound), chunk.ErrorClass);

        _collector.Calls = 0;
        _collector.Failure = ErrorClass.Transient;
        await _harness.Bus.Publish(Chunk() with { });
        Assert.True(await _harness.Published.SelectAsync<Fault<CollectChunk>>().Count() >= 2);
        Assert.Equal(3, _collector.Calls);
    }

    private sealed class Registry(ICollector collector) : ICollectorRegistry
    {
        public IReadOnlyList<SourceDescriptor> Sources => [collector.Descriptor];

        public bool TryGet(string source, out ICollector found)
        {
            found = collector;
            return source == collector.Descriptor.Name;
        }
    }

    private sealed class FakeCollector : ICollector
    {
        public int Rows { get; set; }
        public ErrorClass? Failure { get; set; }
        public int Calls { get; set; }

        public SourceDescriptor Descriptor { get; } = new("fake", "Fake", ["crypto"], ["1m"],
            new Dictionary<string, int?>(), new Dictionary<string, int?>(), []);

        public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, [EnumeratorCancellation] CancellationToken ct = default)
        {
            Calls++;
            await Task.Yield();
            if (Failure is { } failure)
                throw new CollectorException(failure, "fake", $"{failure} on purpose");
            var asset = new AssetDescription(request.Symbol, null, "crypto", "USD", null, "fake", new Dictionary<string, string>());
            var rows = Enumerable.Range(0, Rows).Select(i => new SeriesRow(request.From.AddMinutes(i), 1, 2, 0.5, 1.5)).ToList();
            for (var i = 0; i < rows.Count; i += 3000)
                yield return new CollectedBatch(asset, rows.Skip(i).Take(3000).ToList(), []);
        }
    }
}
