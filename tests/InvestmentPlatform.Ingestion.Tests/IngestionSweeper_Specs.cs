using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Tests.Shared;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_the_sweeper_meets_a_coalesced_chunk : IAsyncLifetime
{
    private readonly Guid _leader = Guid.NewGuid();
    private readonly Guid _follower = Guid.NewGuid();
    private IngestionHarness _ingestion = null!;

    public async Task InitializeAsync() =>
        _ingestion = await IngestionHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Ingestion:ChunksInFlightPerWorker"] = "3" });

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_give_it_the_outcome_of_a_leader_that_finished_before_its_message_was_consumed()
    {
        var waiting = Rows.Chunk(_follower, ChunkStatuses.Coalesced);
        var done = Rows.Chunk(_leader, ChunkStatuses.Succeeded, loaded: 10);
        await _ingestion.SeedAsync(Rows.Request(_leader), done, Rows.Request(_follower), waiting);

        await SweepAsync();

        var chunk = await _ingestion.DbAsync(db => db.IngestionChunks.AsNoTracking().SingleAsync(c => c.Id == waiting.Id));
        Assert.Equal((ChunkStatuses.Succeeded, 10L), (chunk.Status, chunk.RecordsLoaded));
        Assert.Equal(IngestionStatuses.Succeeded, await StatusAsync(_follower));
        // Reset to pending, it would have asked the source a second time for the same window.
        Assert.Empty(_ingestion.Bus.SentSoFar<CollectChunk>());
    }

    [Fact]
    public async Task Should_collect_it_by_itself_when_no_leader_is_left()
    {
        var waiting = Rows.Chunk(_follower, ChunkStatuses.Coalesced);
        await _ingestion.SeedAsync(Rows.Request(_follower), waiting);

        await SweepAsync();

        Assert.Equal(waiting.Id, Assert.Single(_ingestion.Bus.SentSoFar<CollectChunk>()).ChunkId);
    }

    private Task SweepAsync() =>
        ActivatorUtilities.CreateInstance<IngestionSweeper>(_ingestion.Provider).SweepAsync(resetInFlight: false, CancellationToken.None);

    private Task<string> StatusAsync(Guid request) =>
        _ingestion.DbAsync(db => db.IngestionRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync());
}
