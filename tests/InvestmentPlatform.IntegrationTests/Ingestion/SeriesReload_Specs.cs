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

/// <summary>A part over rows already stored: changed rows take the new values, new rows are added, the rest stay as they were.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_part_is_loaded_over_stored_rows
{
    private static readonly DateTime Start = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_change_what_changed_add_what_is_new_and_keep_the_rest(bool postgres)
    {
        await using var host = await IngestionTestHost.StartOnAsync(postgres);
        var asset = await host.AddAssetAsync("RELOAD", AssetTypes.Stock);
        await WriteAsync(host, asset, [.. Enumerable.Range(0, 10).Select(i => Bar(i, 100 + i))]);
        var before = await StoredAsync(host, asset);

        // Days 5-7 corrected, 8-9 the same, 10-14 new; day 6 absent from the part, so it stays as stored.
        await WriteAsync(host, asset, [.. new[] { 5, 7 }.Select(i => Bar(i, 200 + i)), .. Enumerable.Range(8, 2).Select(i => Bar(i, 100 + i)),
            .. Enumerable.Range(10, 5).Select(i => Bar(i, 300 + i))]);
        var after = await StoredAsync(host, asset);
        double[] expected = [100, 101, 102, 103, 104, 205, 106, 207, 108, 109, 310, 311, 312, 313, 314];
        Assert.Equal(expected, after.Select(r => r.Close));
        Assert.Equal(Enumerable.Range(0, 15).Select(i => Start.AddDays(i)), after.Select(r => r.Time));
        if (postgres)
        {
            // Rows the part left as they were are not written again (same row version), corrected ones are.
            Assert.Equal(before.Where(r => r.Time.Day - Start.Day is 0 or 6 or 8 or 9).Select(r => r.Version),
                after.Where(r => r.Time.Day - Start.Day is 0 or 6 or 8 or 9).Select(r => r.Version));
            Assert.NotEqual(before[5].Version, after[5].Version);
        }

        // A part that corrects every stored row of its range, a re-load of corrected prices, replaces them whole.
        await WriteAsync(host, asset, [.. Enumerable.Range(0, 15).Select(i => Bar(i, 400 + i))]);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => 400.0 + i), (await StoredAsync(host, asset)).Select(r => r.Close));
    }

    private static SeriesRow Bar(int day, double close) => new(Start.AddDays(day), close, close + 1, close - 1, close, Volume: 1000);

    private static Task WriteAsync(IngestionTestHost host, long assetId, List<SeriesRow> rows) =>
        host.WriteSeriesAsync(assetId, SeriesTable.MarketData, "1d", rows);

    /// <summary>Each stored row with its row version on PostgreSQL (xmin: the transaction that wrote it), or 0.</summary>
    private static Task<List<(DateTime Time, double Close, long Version)>> StoredAsync(IngestionTestHost host, long assetId) =>
        host.WithDbAsync(async db =>
        {
            var postgres = db.Database.ProviderName!.Contains("Npgsql");
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT time, close, {(postgres ? "xmin::text::bigint" : "0")} FROM market_data WHERE asset_id = {assetId} ORDER BY time";
            var rows = new List<(DateTime, double, long)>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetDouble(1), reader.GetInt64(2)));
            return rows;
        });
}
