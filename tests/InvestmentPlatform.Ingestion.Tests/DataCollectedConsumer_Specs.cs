using MassTransit;
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
        _ingestion = await IngestionHarness.StartAsync(bus => bus.AddConsumer<DataCollectedConsumer, DataCollectedConsumerDefinition>(),
            settings: new Dictionary<string, string?> { ["Ingestion:RejectedRowsKeptPerChunk"] = "3" });
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

    [Fact]
    public async Task Should_store_the_rejected_rows_of_a_part_once_with_the_part()
    {
        RejectedRow[] rejected = [new(Rows.Day, 3, "high 1 is below open 2", 2, 1, 0.5, 1.5, 10, "raw"), new(null, 4, "unreadable date 'x'")];

        await LoadAsync(part: 0, last: false, rejected, 0, Bar(0, 100));
        await LoadAsync(part: 0, last: false, rejected, 0, Bar(0, 100));

        var stored = await StoredAsync();
        Assert.Equal([(0, "high 1 is below open 2"), (1, "unreadable date 'x'")], stored.Select(r => (r.Ordinal, r.Reason)));
        var first = stored[0];
        Assert.Equal((_requestId, _chunk.Id, "X", "fake", "1m", Rows.Day, 3), (first.RequestId, first.ChunkId, first.Symbol, first.Source, first.Interval, first.Time, first.Line));
        Assert.Equal(((double?)2, (double?)1, (double?)0.5, (double?)1.5, (double?)10, "raw"), (first.Open, first.High, first.Low, first.Close, first.Volume, first.Raw));
        Assert.Equal(await _ingestion.DbAsync(db => db.Assets.Where(a => a.Symbol == "X").Select(a => a.AssetId).SingleAsync()), first.AssetId);
    }

    [Fact]
    public async Task Should_keep_the_row_stored_first_under_its_number_and_none_past_the_bound()
    {
        await LoadAsync(part: 0, last: false, [new(null, null, "a"), new(null, null, "b")], 0, Bar(0, 100));
        // A chunk collected again from a changed answer numbers its rows anew: 1 is taken, 3 is past the bound of 3.
        await LoadAsync(part: 1, last: true, [new(null, null, "c"), new(null, null, "d"), new(null, null, "e")], 1, Bar(1, 100));

        Assert.Equal([(0, "a"), (1, "b"), (2, "d")], (await StoredAsync()).Select(r => (r.Ordinal, r.Reason)));
    }

    private Task<List<IngestionRejection>> StoredAsync() =>
        _ingestion.DbAsync(db => db.IngestionRejections.AsNoTracking().OrderBy(r => r.Ordinal).ToListAsync());

    private static SeriesRow Bar(int minute, double close) =>
        new(Rows.Day.AddMinutes(minute), close - 1, close + 1, close - 2, close, close, 1_000 + minute);

    private Task LoadAsync(int part, bool last, params SeriesRow[] rows) => LoadAsync(part, last, [], 0, rows);

    private Task LoadAsync(int part, bool last, RejectedRow[] rejected, int firstRejected, params SeriesRow[] rows) =>
        _ingestion.ConsumeAsync<DataCollectedConsumer, DataCollected>(new DataCollected(_requestId, _chunk.Id, part, last, "fake", "X",
            AssetTypes.Stock, "1m", new AssetDescription("X", "X Corp", AssetTypes.Stock, "USD", "NYSE", "fake", new Dictionary<string, string>()),
            SeriesRowBlock.From(rows), rejected.Length, rejected.Length == 0 ? null : rejected, firstRejected));
}
