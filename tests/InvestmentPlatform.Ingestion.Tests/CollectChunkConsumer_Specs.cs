using InvestmentPlatform.Tests.Shared;
using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Collection;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_collector_serves_a_chunk : IAsyncLifetime
{
    private readonly FakeCollector _collector = new();
    private readonly Guid _chunkId = Guid.NewGuid();
    private readonly Guid _requestId = Guid.NewGuid();
    private IngestionHarness _ingestion = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _ingestion = await IngestionHarness.StartAsync(
            // The definition the collector endpoints use, so these specs hold the consumer to the real retry rules.
            bus => bus.AddConsumer<CollectChunkConsumer, CollectChunkConsumerDefinition>(),
            services =>
            {
                services.AddSingleton<ICollector>(_collector);
                services.AddSingleton<ICollectorRegistry>(new OneCollectorRegistry(_collector));
            },
            new Dictionary<string, string?> { ["Ingestion:RejectedRowsKeptPerChunk"] = "5" });
        _harness = _ingestion.Bus;
        await _ingestion.SeedAsync(Rows.Request(_requestId), new IngestionChunk { Id = _chunkId, RequestId = _requestId, Symbol = "X", Status = ChunkStatuses.Dispatched });
    }

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    private CollectChunk Chunk() => new(_requestId, _chunkId, "fake", "X", "crypto", "1m",
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task Should_publish_parts_of_at_most_5000_rows_with_only_the_last_flagged()
    {
        _collector.Rows = 12_001;
        await _harness.Bus.Publish(Chunk());

        Assert.True(await _harness.Published.Any<DataCollected>(m => m.Context.Message.IsLastPart));
        var parts = _harness.PublishedSoFar<DataCollected>().OrderBy(m => m.Part).ToList();
        Assert.Equal([5000, 5000, 2001], parts.Select(p => p.Rows.Count));
        Assert.Equal([0, 1, 2], parts.Select(p => p.Part));
        Assert.Equal([false, false, true], parts.Select(p => p.IsLastPart));
        Assert.Equal(12_001, parts.SelectMany(p => p.Rows.ToRows()).Select(r => r.Time).Distinct().Count());
    }

    /// <summary>
    /// The message of a chunk whose collector was killed before its ack comes back after the loader finished the chunk
    /// from the parts already sent: the chunk stays finished, and nothing is collected again.
    /// </summary>
    [Fact]
    public async Task Should_leave_a_chunk_the_loader_finished_as_it_is_when_its_message_comes_again()
    {
        await _ingestion.DbAsync(db => db.IngestionChunks.ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChunkStatuses.Succeeded)));

        await _ingestion.ConsumeAsync<CollectChunkConsumer, CollectChunk>(Chunk());

        Assert.Equal(ChunkStatuses.Succeeded, (await ChunkAsync()).Status);
        Assert.Equal(0, _collector.Calls);
        Assert.Empty(_harness.PublishedSoFar<DataCollected>());
    }

    [Fact]
    public async Task Should_fail_fast_on_a_permanent_error()
    {
        _collector.Failure = ErrorClass.NotFound;
        await _harness.Bus.Publish(Chunk());

        Assert.True(await _harness.Published.Any<Fault<CollectChunk>>());
        Assert.Equal(1, _collector.Calls);
        var chunk = await ChunkAsync();
        Assert.Equal(nameof(ErrorClass.NotFound), chunk.ErrorClass);
        Assert.Equal(0, chunk.Redeliveries);
    }

    [Fact]
    public async Task Should_retry_a_transient_error_then_put_the_chunk_back_to_wait_for_a_delayed_redelivery()
    {
        _collector.Failure = ErrorClass.Transient;
        var before = DateTime.UtcNow;
        await _harness.Bus.Publish(Chunk());

        var chunk = await WaitForChunkAsync(c => c.Status == ChunkStatuses.Pending);
        Assert.Equal(1 + CollectChunkLimits.ImmediateRetryIntervals.Length, _collector.Calls);
        Assert.Equal(1, chunk.Redeliveries);
        Assert.Equal(nameof(ErrorClass.Transient), chunk.ErrorClass);
        // The first redelivery waits FirstRedeliveryDelay (30 s by default).
        Assert.InRange(chunk.NotBefore!.Value, before.AddSeconds(30), DateTime.UtcNow.AddSeconds(30));
        // The consumer finished with the chunk put back, not with a fault.
        Assert.True(await _harness.GetConsumerHarness<CollectChunkConsumer>().Consumed.Any<CollectChunk>());
        Assert.Empty(_harness.PublishedSoFar<Fault<CollectChunk>>());
    }

    [Fact]
    public async Task Should_wait_out_a_providers_retry_after_without_asking_it_again_at_once()
    {
        _collector.Failure = ErrorClass.RateLimited;
        _collector.RetryAfter = TimeSpan.FromMinutes(10);
        var before = DateTime.UtcNow;
        await _harness.Bus.Publish(Chunk());

        var chunk = await WaitForChunkAsync(c => c.Status == ChunkStatuses.Pending);
        Assert.Equal(1, _collector.Calls);
        Assert.Equal(nameof(ErrorClass.RateLimited), chunk.ErrorClass);
        Assert.InRange(chunk.NotBefore!.Value, before.AddMinutes(10), DateTime.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Should_fail_once_its_redeliveries_are_spent()
    {
        await _ingestion.DbAsync(db => db.IngestionChunks.ExecuteUpdateAsync(u => u.SetProperty(c => c.Redeliveries, 3)));
        _collector.Failure = ErrorClass.Transient;
        await _harness.Bus.Publish(Chunk());

        Assert.True(await _harness.Published.Any<Fault<CollectChunk>>());
        Assert.Equal(1 + CollectChunkLimits.ImmediateRetryIntervals.Length, _collector.Calls);
        Assert.Equal(3, (await ChunkAsync()).Redeliveries);
    }

    [Fact]
    public async Task Should_send_each_parts_rejected_rows_with_it_and_keep_only_the_chunks_first_ones()
    {
        _collector.Rows = 12_001;
        _collector.RejectedPerBatch = 2;
        await _harness.Bus.Publish(Chunk());

        Assert.True(await _harness.Published.Any<DataCollected>(m => m.Context.Message.IsLastPart));
        var parts = _harness.PublishedSoFar<DataCollected>().OrderBy(m => m.Part).ToList();
        // Batches of 3,000 rows with 2 rejected each: parts 0 and 1 each complete during a second batch.
        Assert.Equal([4, 4, 2], parts.Select(p => p.RejectedCount));
        Assert.Equal([0, 4, 5], parts.Select(p => p.FirstRejectedIndex));
        Assert.Equal(["bad 0", "bad 1", "bad 2", "bad 3", "bad 4"], parts.SelectMany(p => p.Rejected ?? []).Select(r => r.Reason));
        Assert.Null(parts[2].Rejected);
    }

    [Theory]
    [InlineData(0, null, 30)]
    [InlineData(1, null, 120)]
    [InlineData(2, null, 480)]
    [InlineData(0, 600, 600)]
    [InlineData(2, 60, 480)]
    public void Should_back_off_four_times_longer_each_redelivery_unless_the_provider_asks_for_longer(
        int redeliveriesSoFar, int? retryAfterSeconds, int expectedSeconds)
    {
        var retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ChunkRedelivery.Delay(TimeSpan.FromSeconds(30), redeliveriesSoFar, retryAfter));
    }

    private Task<IngestionChunk> ChunkAsync() => _ingestion.DbAsync(db => db.IngestionChunks.AsNoTracking().SingleAsync());

    private Task<IngestionChunk> WaitForChunkAsync(Func<IngestionChunk, bool> condition) =>
        _ingestion.WaitForAsync(db => db.IngestionChunks.AsNoTracking().SingleAsync(), condition, "The chunk's expected state");

    private sealed class FakeCollector : ICollector
    {
        public int Rows { get; set; }
        public int RejectedPerBatch { get; set; }
        public ErrorClass? Failure { get; set; }
        public TimeSpan? RetryAfter { get; set; }
        public int Calls { get; set; }

        public SourceDescriptor Descriptor { get; } = new("fake", "Fake", ["crypto"], ["1m"],
            new Dictionary<string, int?>(), new Dictionary<string, int?>(), []);

        public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, [EnumeratorCancellation] CancellationToken ct = default)
        {
            Calls++;
            await Task.Yield();
            if (Failure is { } failure)
                throw new CollectorException(failure, "fake", $"{failure} on purpose", null, RetryAfter);
            var asset = new AssetDescription(request.Symbol, null, "crypto", "USD", null, "fake", new Dictionary<string, string>());
            var rows = Enumerable.Range(0, Rows).Select(i => new SeriesRow(request.From.AddMinutes(i), 1, 2, 0.5, 1.5)).ToList();
            var rejected = 0;
            for (var i = 0; i < rows.Count; i += 3000)
                yield return new CollectedBatch(asset, rows.Skip(i).Take(3000).ToList(),
                    Enumerable.Range(0, RejectedPerBatch).Select(_ => new RejectedRow(null, null, $"bad {rejected++}")).ToList());
        }
    }
}
