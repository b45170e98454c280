using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Series;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Analytics;

/// <summary>Writes assets and daily rows straight into the tables, as the pipeline would.</summary>
internal static class AnalyticsSeed
{
    public static DateTime Day(int offset) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(offset);

    public static async Task<long> AssetAsync(IServiceProvider services, string symbol, string type, string currency)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var asset = new Asset
        {
            Symbol = symbol, AssetType = type, Currency = currency, Source = "synthetic",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.AssetId;
    }

    /// <summary>Bars at Day(day) with the close and an adjusted close (the close when none is given).</summary>
    public static async Task BarsAsync(IServiceProvider services, long assetId, params (int Day, double Close, double? AdjClose)[] bars)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.MarketData.AddRange(bars.Select(b => new MarketBar
        {
            AssetId = assetId, Interval = "1d", Time = Day(b.Day),
            Open = b.Close, High = b.Close, Low = b.Close, Close = b.Close, AdjClose = b.AdjClose ?? b.Close, Volume = 1000,
        }));
        await db.SaveChangesAsync();
    }

    public static Task BarsAsync(IServiceProvider services, long assetId, params (int Day, double Close)[] bars) =>
        BarsAsync(services, assetId, bars.Select(b => (b.Day, b.Close, (double?)null)).ToArray());

    public static async Task FxAsync(IServiceProvider services, long assetId, params (int Day, double Close)[] rates)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ForexRates.AddRange(rates.Select(r => new ForexRate
        {
            AssetId = assetId, Interval = "1d", Time = Day(r.Day), Open = r.Close, High = r.Close, Low = r.Close, Close = r.Close,
        }));
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    public static void Near(double expected, double actual, double tolerance = 1e-9)
    {
        var scale = Math.Max(1e-12, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"expected {expected:R}, actual {actual:R}");
    }
}
