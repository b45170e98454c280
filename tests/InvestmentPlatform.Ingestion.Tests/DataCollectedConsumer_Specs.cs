using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Tests;

/// <summary>Parts of one chunk reach the loader; each committed load is announced once, with the series' newest bar.</summary>
public sealed class When_the_loader_commits_a_part : IAsyncLifetime
{
    private readonly Guid _requestId = Guid.NewGuid();
    private IngestionHarness _ingestion = null!;
    private IngestionChunk _chunk = null!;

    public async Task InitializeAsync()
    {
        _ingestion = await IngestionHarness.StartAsync(bus => bus.AddConsumer<DataCollectedConsumer>());
        _chunk = Rows.Chunk(_requestId, ChunkStatuses.Collecting, day: 0);
        await _ingestion.SeedAsync(Rows.Request(_requestId), _chunk);
    }

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_announce_the_range_written_and_the_new_last_bar()
    {
        await LoadAsync(part: 0, last: false, Bar(0, 100), Bar(1, 101), Bar(2, 102.5));

        var updated = Assert.Single(await _ingestion.OutboxAsync<SeriesUpdated>());
        Assert.Equal(("X", AssetTypes.Stock, "1m", 3), (updated.Symbol, updated.AssetType, updated.Interval, updated.Rows));
        Assert.Equal((Rows.Day, Rows.Day.AddMinutes(2)), (updated.From, updated.To));
        Assert.Equal(Bar(2, 102.5), updated.LastBar);
        Assert.Equal(_requestId, updated.RequestId);
        Assert.Equal(await _ingestion.DbAsync(db => db.Assets.Where(a => a.Symbol == "X").Select(a => a.AssetId).SingleAsync()), updated.AssetId);
    }

    [Fact]
    public async Task Should_announce_a_redelivered_part_once()
    {
        await LoadAsync(part: 0, last: false, Bar(0, 100));
        await LoadAsync(part: 0, last: false, Bar(0, 100));

        Assert.Single(await _ingestion.OutboxAsync<SeriesUpdated>());
    }

    [Fact]
    public async Task Should_keep_the_newest_bar_when_a_later_part_rewrites_older_rows()
    {
        await LoadAsync(part: 0, last: false, Bar(5, 105));
        await LoadAsync(part: 1, last: true, Bar(1, 99), Bar(2, 98));

        var backfill = Assert.Single(await _ingestion.OutboxAsync<SeriesUpdated>(), u => u.From == Rows.Day.AddMinutes(1));
        Assert.Equal(Rows.Day.AddMinutes(2), backfill.To);
        Assert.Equal(Bar(5, 105), backfill.LastBar);
    }

    private static SeriesRow Bar(int minute, double close) =>
        new(Rows.Day.AddMinutes(minute), close - 1, close + 1, close - 2, close, close, 1_000 + minute);

    private Task LoadAsync(int part, bool last, params SeriesRow[] rows) =>
        _ingestion.ConsumeAsync<DataCollectedConsumer, DataCollected>(new DataCollected(_requestId, _chunk.Id, part, last, "fake", "X",
            AssetTypes.Stock, "1m", new AssetDescription("X", "X Corp", AssetTypes.Stock, "USD", "NYSE", "fake", new Dictionary<string, string>()), SeriesRowBlock.From(rows), 0));
}
