using MassTransit;
using InvestmentPlatform.Tests.Shared;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_collection_is_requested : IAsyncLifetime
{
    private const int Cap = 3;
    private static readonly string[] Symbols = ["A", "B", "C", "D", "E", "F"];
    private readonly CollectionRequested _message = new(Guid.NewGuid(), null, null, "fake", Symbols, "crypto", "1d",
        Rows.Day, Rows.Day.AddDays(10), IngestionModes.Batch, DateTime.UtcNow);
    private IngestionHarness _ingestion = null!;

    public async Task InitializeAsync() =>
        _ingestion = await IngestionHarness.StartAsync(
            bus => bus.AddConsumer<CollectionRequestedConsumer, IngestionConsumerDefinition<CollectionRequestedConsumer>>(),
            services => services.AddSingleton<ICollectorRegistry>(new OneCollectorRegistry(new DailyCollector())),
            new Dictionary<string, string?> { ["Ingestion:ChunksInFlightPerWorker"] = $"{Cap}" });

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_plan_the_stored_request_and_dispatch_its_chunks_up_to_the_cap()
    {
        await _ingestion.SeedAsync(IngestionRequestWriter.ToRow(_message, DateTime.UtcNow));

        await _ingestion.ConsumeAsync<CollectionRequestedConsumer, CollectionRequested>(_message);

        // Ten days of a daily series fit one chunk: one a symbol.
        Assert.Equal(Symbols, (await ChunksAsync()).Select(c => c.Symbol).Order());
        Assert.Equal((IngestionStatuses.Running, Symbols.Length), await RequestAsync());
        var sent = _ingestion.Bus.SentSoFar<CollectChunk>().Select(m => m.ChunkId).ToList();
        Assert.Equal(Cap, sent.Count);
        Assert.Equal(sent.Order(), (await ChunksAsync()).Where(c => c.Status == ChunkStatuses.Dispatched).Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Should_plan_nothing_twice_when_the_message_comes_again()
    {
        await _ingestion.SeedAsync(IngestionRequestWriter.ToRow(_message, DateTime.UtcNow));

        await _ingestion.ConsumeAsync<CollectionRequestedConsumer, CollectionRequested>(_message);
        await _ingestion.ConsumeAsync<CollectionRequestedConsumer, CollectionRequested>(_message);

        Assert.Equal(Symbols.Length, (await ChunksAsync()).Count);
        Assert.Equal(Symbols.Length, await _ingestion.DbAsync(db => db.DataCollectionLog.CountAsync()));
        // The cap is full after the first: the second sends nothing more.
        Assert.Equal(Cap, _ingestion.Bus.SentSoFar<CollectChunk>().Count);
    }

    [Fact]
    public async Task Should_store_and_plan_a_request_that_came_only_as_a_message()
    {
        await _ingestion.ConsumeAsync<CollectionRequestedConsumer, CollectionRequested>(_message);

        Assert.Equal((IngestionStatuses.Running, Symbols.Length), await RequestAsync());
        Assert.Equal(Cap, _ingestion.Bus.SentSoFar<CollectChunk>().Count);
    }

    private Task<List<IngestionChunk>> ChunksAsync() => _ingestion.DbAsync(db => db.IngestionChunks.AsNoTracking().ToListAsync());

    private Task<(string, int)> RequestAsync() => _ingestion.DbAsync(async db =>
    {
        var request = await db.IngestionRequests.AsNoTracking().SingleAsync(r => r.Id == _message.RequestId);
        return (request.Status, request.ChunksTotal);
    });

    /// <summary>Only described: planning reads what a source serves, and nothing here collects.</summary>
    private sealed class DailyCollector : ICollector
    {
        public SourceDescriptor Descriptor { get; } = new("fake", "Fake", ["crypto"], ["1d"],
            new Dictionary<string, int?>(), new Dictionary<string, int?>(), []);

        public IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, CancellationToken ct = default) =>
            throw new NotSupportedException("The coordinator specs collect nothing.");
    }
}
