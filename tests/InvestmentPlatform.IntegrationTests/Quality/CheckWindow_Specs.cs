using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.IntegrationTests.Ingestion;
using InvestmentPlatform.Quality.Checks;
using InvestmentPlatform.Quality.Running;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Quality;

/// <summary>
/// The quality check's window takes the ranges the loader just committed from memory and the rest from the table: it
/// must be, bar for bar, what reading it all from the table gives.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_check_reads_what_a_load_just_wrote
{
    private static readonly DateTime Start = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_read_the_same_bars_as_the_table_holds(bool postgres)
    {
        await using var host = await IngestionTestHost.StartOnAsync(postgres);
        var asset = await host.AddAssetAsync("WINDOW", AssetTypes.Stock);
        // Stored before: days 0-59 and 70-74, so days 70-74 lie between two parts of the load below.
        await host.WriteSeriesAsync(asset, SeriesTable.MarketData, "1d", [.. Days(0, 59, 100), .. Days(70, 74, 100)]);

        await using var scope = host.Services.CreateAsyncScope();
        var loaded = new LoadedRanges(TimeProvider.System);
        var loader = ActivatorUtilities.CreateInstance<PartLoader>(scope.ServiceProvider, loaded);
        var (request, chunk) = await host.AddCollectingChunkAsync("WINDOW");
        // New days 60-69 and 75-79, and a re-load of days 20-30 with day 22 corrected and day 25 left out.
        await LoadAsync(loader, asset, request, chunk, 0, false, Days(60, 69, 200));
        await LoadAsync(loader, asset, request, chunk, 1, false, Days(75, 79, 200));
        await LoadAsync(loader, asset, request, chunk, 2, true, [.. Days(20, 24, 100).Select(r => r.Time == Start.AddDays(22) ? r with { Close = 150 } : r),
            .. Days(26, 30, 100)]);

        // PostgreSQL's writer knows every stored row of a re-loaded range; SQLite's knows them only for a range it found empty.
        Assert.Equal(postgres ? [Range(20, 30), Range(60, 69), Range(75, 79)] : [Range(60, 69), Range(75, 79)], Kept(loaded, asset));
        var (fromMemory, fromTable) = await ReadBothAsync(scope, loaded, asset);
        Assert.Equal(fromTable, fromMemory);
        Assert.Equal(70, fromMemory.Count);
        Assert.Equal(150, fromMemory.Single(b => b.Time == Start.AddDays(22)).Close);

        // A load over days 65-72 makes the kept days 60-69 stale: they are let go, and its own rows kept where known.
        var (again, againChunk) = await host.AddCollectingChunkAsync("WINDOW");
        await LoadAsync(loader, asset, again, againChunk, 0, true, Days(65, 72, 300));
        Assert.Equal(postgres ? [Range(20, 30), Range(65, 72), Range(75, 79)] : [Range(75, 79)], Kept(loaded, asset));
        (fromMemory, fromTable) = await ReadBothAsync(scope, loaded, asset);
        Assert.Equal(fromTable, fromMemory);
        Assert.Equal([.. Enumerable.Repeat(200.0, 5), .. Enumerable.Repeat(300.0, 8)],
            fromMemory.Where(b => b.Time >= Start.AddDays(60) && b.Time <= Start.AddDays(72)).Select(b => Math.Floor(b.Close)));
    }

    private static (DateTime, DateTime) Range(int from, int to) => (Start.AddDays(from), Start.AddDays(to));

    private static List<(DateTime, DateTime)> Kept(LoadedRanges loaded, long asset) =>
        [.. loaded.Kept(asset, "1d", Start, Start.AddDays(100)).Select(r => (r.From, r.To))];

    private static List<SeriesRow> Days(int from, int to, double close) =>
        [.. Enumerable.Range(from, to - from + 1).Select(d => new SeriesRow(Start.AddDays(d), close - 1, close + 2, close - 2, close + d / 100.0,
            close, 1000 + d, d == 40 ? 0.5 : 0, 0))];

    private static async Task LoadAsync(PartLoader loader, long asset, Guid request, Guid chunk, int part, bool last, List<SeriesRow> rows)
    {
        var message = new DataCollected(request, chunk, part, last, "csv", "WINDOW", AssetTypes.Stock, "1d",
            new AssetDescription("WINDOW", null, AssetTypes.Stock, "USD", null, "csv", new Dictionary<string, string>()), SeriesRowBlock.From(rows), 0);
        Assert.Equal(rows.Count, await loader.LoadAsync(message, asset, AssetTypes.Stock, CancellationToken.None));
    }

    private static async Task<(List<QualityBar> FromMemory, List<QualityBar> FromTable)> ReadBothAsync(AsyncServiceScope scope, LoadedRanges loaded, long asset)
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var (from, to) = (Start.AddDays(10), Start.AddDays(85));
        return (await new QualitySeriesReader(db, loaded).ReadAsync(AssetTypes.Stock, asset, "1d", from, to, CancellationToken.None),
            await new QualitySeriesReader(db, new LoadedRanges(TimeProvider.System)).ReadAsync(AssetTypes.Stock, asset, "1d", from, to, CancellationToken.None));
    }
}
