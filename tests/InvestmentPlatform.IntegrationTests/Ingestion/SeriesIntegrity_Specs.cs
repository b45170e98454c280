using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Ingestion.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>
/// The series tables carry no foreign key to assets (its per-row check halved the loader's speed); the same guarantees
/// hold per load: no stored row names an unknown asset, and an asset's rows go when it does.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_assets_and_their_loads_meet
{
    private static readonly DateTime Start = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_store_no_row_of_an_unknown_asset_and_delete_an_assets_rows_with_it(bool postgres)
    {
        await using var host = await IngestionTestHost.StartOnAsync(postgres);
        var kept = await host.AddAssetAsync("KEPT", AssetTypes.Stock);
        var gone = await host.AddAssetAsync("GONE", AssetTypes.Stock);
        var rate = await host.AddAssetAsync("EURUSD=X", AssetTypes.Forex);
        await LoadAsync(host, kept, SeriesTable.MarketData, 30);
        await LoadAsync(host, gone, SeriesTable.MarketData, 30);
        await LoadAsync(host, rate, SeriesTable.Forex, 30);

        // A load for an id no asset has stores nothing, whatever the table.
        var unknown = await host.WithDbAsync(db => db.Assets.MaxAsync(a => a.AssetId)) + 1000;
        await Assert.ThrowsAsync<UnknownAssetException>(() => LoadAsync(host, unknown, SeriesTable.MarketData, 10));
        await Assert.ThrowsAsync<UnknownAssetException>(() => LoadAsync(host, unknown, SeriesTable.Forex, 10));

        // Deleting an asset through the API deletes its rows and only its rows.
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await host.Client.DeleteAsync("/api/assets/GONE")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await host.Client.DeleteAsync("/api/assets/EURUSD%3DX")).StatusCode);
        Assert.Equal((30, 0, 0, 0), (await RowsAsync(host, kept), await RowsAsync(host, gone), await RowsAsync(host, rate), await OrphansAsync(host)));

        // And a load that comes after the delete finds no asset.
        await Assert.ThrowsAsync<UnknownAssetException>(() => LoadAsync(host, gone, SeriesTable.MarketData, 10));
        Assert.Equal((30, 0, 0), (await RowsAsync(host, kept), await RowsAsync(host, gone), await OrphansAsync(host)));
    }

    [Fact]
    public async Task Should_delete_the_rows_of_a_load_that_committed_while_its_asset_was_being_deleted()
    {
        await using var host = await IngestionTestHost.StartAsync();
        var asset = await host.AddAssetAsync("RACE", AssetTypes.Stock);

        // The load writes its rows and holds its transaction open ...
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<ISeriesWriter>().WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(),
            SeriesTable.MarketData, asset, "1d", Rows(40), default);

        // ... while the asset is deleted: the delete waits for the load's lock on the asset ...
        var delete = host.WithDbAsync(d => d.Assets.Where(a => a.AssetId == asset).ExecuteDeleteAsync());
        await WaitUntilAsync(async () => await host.WithDbAsync(d => d.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM assets%'").SingleAsync()) == 1);

        // ... and once the load commits, deletes its rows with the asset.
        await tx.CommitAsync();
        Assert.Equal(1, await delete);
        Assert.Equal((0, 0), (await RowsAsync(host, asset), await OrphansAsync(host)));
    }

    private static List<SeriesRow> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SeriesRow(Start.AddDays(i), 100 + i, 101 + i, 99 + i, 100.5 + i, Volume: 1000))];

    private static Task LoadAsync(IngestionTestHost host, long assetId, SeriesTable table, int count) =>
        host.WriteSeriesAsync(assetId, table, "1d", Rows(count));

    private static Task<int> RowsAsync(IngestionTestHost host, long assetId) =>
        host.WithDbAsync(async db => await db.MarketData.CountAsync(r => r.AssetId == assetId) + await db.ForexRates.CountAsync(r => r.AssetId == assetId));

    private static Task<int> OrphansAsync(IngestionTestHost host) =>
        host.WithDbAsync(async db =>
            await db.MarketData.CountAsync(r => !db.Assets.Any(a => a.AssetId == r.AssetId)) +
            await db.ForexRates.CountAsync(r => !db.Assets.Any(a => a.AssetId == r.AssetId)));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The asset's delete never waited for the load.");
            await Task.Delay(50);
        }
    }
}
