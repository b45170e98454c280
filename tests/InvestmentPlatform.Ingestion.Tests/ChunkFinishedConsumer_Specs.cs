using MassTransit;
using InvestmentPlatform.Tests.Shared;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_chunk_finishes : IAsyncLifetime
{
    private readonly Guid _requestId = Guid.NewGuid();
    private IngestionHarness _ingestion = null!;

    public async Task InitializeAsync() =>
        _ingestion = await IngestionHarness.StartAsync(
            bus => bus.AddConsumer<ChunkFinishedConsumer, IngestionConsumerDefinition<ChunkFinishedConsumer>>(),
            settings: new Dictionary<string, string?> { ["Ingestion:ChunksInFlightPerWorker"] = "3" });

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_tally_the_request_and_publish_its_progress_while_chunks_remain()
    {
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, day: 0, loaded: 10);
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Chunk(_requestId, ChunkStatuses.Collecting, day: 1));

        await FinishAsync(done);

        Assert.Equal((IngestionStatuses.Running, 1, 2, 10L), await RequestAsync(_requestId));
        var progress = Assert.Single(_ingestion.Bus.PublishedSoFar<CollectionProgress>());
        Assert.Equal((_requestId, 1, 2, 10L), (progress.RequestId, progress.ChunksDone, progress.ChunksTotal, progress.RecordsLoaded));
    }

    [Fact]
    public async Task Should_dispatch_a_pending_chunk_into_the_place_it_freed()
    {
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, day: 0);
        var next = Rows.Chunk(_requestId, ChunkStatuses.Pending, day: 2);
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Chunk(_requestId, ChunkStatuses.Collecting, day: 1), next);

        await FinishAsync(done);

        Assert.Equal(next.Id, Assert.Single(_ingestion.Bus.SentSoFar<CollectChunk>()).ChunkId);
    }

    [Fact]
    public async Task Should_count_a_redelivered_chunk_once()
    {
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, day: 0, loaded: 10);
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Chunk(_requestId, ChunkStatuses.Collecting, day: 1));

        await FinishAsync(done);
        await FinishAsync(done);

        Assert.Equal((IngestionStatuses.Running, 1, 2, 10L), await RequestAsync(_requestId));
        // Nothing moved the second time, so there is no progress to tell.
        Assert.Single(_ingestion.Bus.PublishedSoFar<CollectionProgress>());
    }

    [Fact]
    public async Task Should_settle_the_request_with_its_failed_symbols_once_every_chunk_finished()
    {
        var last = Rows.Chunk(_requestId, ChunkStatuses.Failed, symbol: "Y");
        await _ingestion.SeedAsync(
            Rows.Request(_requestId, symbols: "[\"X\",\"Y\"]"), Rows.Chunk(_requestId, ChunkStatuses.Succeeded, loaded: 10), last, Log("X"), Log("Y"));

        await FinishAsync(last);

        Assert.Equal((IngestionStatuses.PartiallySucceeded, 2, 2, 10L), await RequestAsync(_requestId));
        // The outcome leaves through the outbox, committed with the status.
        var completed = Assert.Single(await _ingestion.OutboxAsync<CollectionCompleted>());
        Assert.Equal(_requestId, completed.RequestId);
        Assert.Equal(["Y"], completed.FailedSymbols);
        Assert.Empty(_ingestion.Bus.PublishedSoFar<CollectionProgress>());
    }

    [Fact]
    public async Task Should_fail_the_request_when_every_chunk_failed()
    {
        var last = Rows.Chunk(_requestId, ChunkStatuses.Failed);
        last.ErrorClass = nameof(ErrorClass.NotFound);
        await _ingestion.SeedAsync(Rows.Request(_requestId), last);

        await FinishAsync(last);

        Assert.Equal(IngestionStatuses.Failed, (await RequestAsync(_requestId)).Status);
        var failed = Assert.Single(await _ingestion.OutboxAsync<CollectionFailed>());
        Assert.Equal((_requestId, ErrorClass.NotFound), (failed.RequestId, failed.ErrorClass));
        Assert.Empty(await _ingestion.OutboxAsync<CollectionCompleted>());
    }

    [Fact]
    public async Task Should_give_its_outcome_to_an_identical_chunk_of_another_request_and_settle_that_one_too()
    {
        var follower = Guid.NewGuid();
        var waiting = Rows.Chunk(follower, ChunkStatuses.Coalesced);
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, loaded: 10);
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Request(follower), waiting);

        await FinishAsync(done);

        Assert.Equal((IngestionStatuses.Succeeded, 1, 1, 10L), await RequestAsync(follower));
        Assert.Equal(new[] { _requestId, follower }.Order(), (await _ingestion.OutboxAsync<CollectionCompleted>()).Select(c => c.RequestId).Order());
    }

    [Fact]
    public async Task Should_leave_an_identical_chunk_planned_after_it_finished_to_the_leader_it_waits_for()
    {
        var follower = Guid.NewGuid();
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, loaded: 10);
        done.FinishedAt = DateTime.UtcNow.AddMinutes(-1);
        var waiting = Rows.Chunk(follower, ChunkStatuses.Coalesced);
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Request(follower), waiting);

        await FinishAsync(done);

        Assert.Equal(ChunkStatuses.Coalesced, await _ingestion.DbAsync(db => db.IngestionChunks.Where(c => c.Id == waiting.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(IngestionStatuses.Running, (await RequestAsync(follower)).Status);
    }

    [Fact]
    public async Task Should_give_an_identical_chunk_of_another_request_the_rejected_rows_under_its_own_request()
    {
        var follower = Guid.NewGuid();
        var waiting = Rows.Chunk(follower, ChunkStatuses.Coalesced);
        var done = Rows.Chunk(_requestId, ChunkStatuses.Succeeded, loaded: 10);
        var asset = new Asset { Symbol = "X", AssetType = AssetTypes.Stock, Source = "fake" };
        await _ingestion.SeedAsync(Rows.Request(_requestId), done, Rows.Request(follower), waiting, asset);
        await _ingestion.SeedAsync(Rejection(done, asset, 0, "a"), Rejection(done, asset, 1, "b"));

        await FinishAsync(done);

        var copies = await _ingestion.DbAsync(db => db.IngestionRejections.AsNoTracking().Where(r => r.ChunkId == waiting.Id)
            .OrderBy(r => r.Ordinal).Select(r => new { r.RequestId, r.Ordinal, r.Reason }).ToListAsync());
        Assert.Equal([(follower, 0, "a"), (follower, 1, "b")], copies.Select(c => (c.RequestId, c.Ordinal, c.Reason)));
    }

    private static IngestionRejection Rejection(IngestionChunk chunk, Asset asset, int ordinal, string reason) => new()
    {
        RequestId = chunk.RequestId, ChunkId = chunk.Id, Ordinal = ordinal, AssetId = asset.AssetId, Symbol = chunk.Symbol,
        Source = "fake", Interval = "1m", Reason = reason, RecordedAt = DateTime.UtcNow,
    };

    private Task FinishAsync(IngestionChunk chunk) =>
        _ingestion.ConsumeAsync<ChunkFinishedConsumer, ChunkFinished>(new ChunkFinished(chunk.RequestId, chunk.Id, chunk.Symbol,
            chunk.RecordsCollected, chunk.RecordsLoaded, chunk.RecordsRejected, null, null));

    private DataCollectionLog Log(string symbol) => new()
    {
        RequestId = _requestId, Symbol = symbol, Source = "fake", Interval = "1m", Status = IngestionStatuses.Running, StartedAt = DateTime.UtcNow,
    };

    private Task<(string Status, int Done, int Total, long Loaded)> RequestAsync(Guid id) => _ingestion.DbAsync(async db =>
    {
        var r = await db.IngestionRequests.AsNoTracking().SingleAsync(r => r.Id == id);
        return (r.Status, r.ChunksDone, r.ChunksTotal, r.RecordsLoaded);
    });
}
