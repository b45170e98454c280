using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>
/// An asset a person registered learns from its first collection how its provider quotes prices, and the bars say it,
/// so the dashboard shows EURUSD in pips because the source said so, not because of a guess from its type.
/// </summary>
public abstract class When_a_provider_says_how_an_assets_prices_are_quoted(bool postgres) : IAsyncLifetime
{
    private IngestionTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IngestionTestHost.StartOnAsync(postgres);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await _host.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Should_store_the_decimals_on_the_asset_and_answer_them_with_its_bars()
    {
        var created = await _host.Client.PostAsJsonAsync("/api/assets",
            new { symbol = "EURUSD=X", name = "Euro in dollars", assetType = "forex", currency = "USD", source = "synthetic" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var before = await GetAsync("/api/assets/EURUSD=X");
        Assert.False(before.GetProperty("metadata").TryGetProperty("priceDecimals", out _));
        Assert.Equal(JsonValueKind.Null, (await GetAsync("/api/market-data/EURUSD=X/bars?interval=1d")).GetProperty("priceDecimals").ValueKind);

        var request = await _host.WaitFinishedAsync(await _host.SubmitAsync(new
        {
            source = "synthetic", symbols = new[] { "EURUSD=X" }, assetType = "forex", interval = "1d",
            from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), to = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        Assert.Equal("succeeded", request.GetProperty("status").GetString());

        var after = await GetAsync("/api/assets/EURUSD=X");
        Assert.Equal("5", after.GetProperty("metadata").GetProperty("priceDecimals").GetString());
        // Changed under an edit form opened before: that form's save answers 409, not a silent overwrite.
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        // Float noise on the stored prices, as a provider's float32 values carry it, stays out of the answers.
        await _host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE forex_rates SET close = close + 0.000000000001, high = high + 0.000000000001"));
        var bars = await GetAsync("/api/market-data/EURUSD=X/bars?interval=1d");
        Assert.Equal(5, bars.GetProperty("priceDecimals").GetInt32());
        Assert.All(bars.GetProperty("bars").EnumerateArray(), b =>
        {
            Assert.Equal(Math.Round(b.GetProperty("close").GetDouble(), 5), b.GetProperty("close").GetDouble());
            Assert.DoesNotContain("0000000", b.GetProperty("high").GetRawText());
        });
        var latest = await GetAsync("/api/market-data/EURUSD=X/latest?interval=1d");
        Assert.Equal(Math.Round(latest.GetProperty("close").GetDouble(), 5), latest.GetProperty("close").GetDouble());
        Assert.DoesNotContain("0000000", latest.GetProperty("high").GetRawText());
        var csv = (await _host.Client.GetStringAsync("/api/market-data/EURUSD=X/bars?interval=1d&format=csv")).Trim().Split('\n')[1..];
        Assert.NotEmpty(csv);
        Assert.All(csv, line => Assert.All(line.Split(',')[1..5], price => Assert.True(price.Length - price.IndexOf('.') - 1 <= 5, line)));

        // A second collection says the same: nothing changes.
        await _host.WaitFinishedAsync(await _host.SubmitAsync(new
        {
            source = "synthetic", symbols = new[] { "EURUSD=X" }, assetType = "forex", interval = "1d",
            from = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), to = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        Assert.Equal(after.GetProperty("version").GetInt32(), (await GetAsync("/api/assets/EURUSD=X")).GetProperty("version").GetInt32());
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_provider_says_how_an_assets_prices_are_quoted_on_PostgreSQL() : When_a_provider_says_how_an_assets_prices_are_quoted(true);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_provider_says_how_an_assets_prices_are_quoted_on_SQLite() : When_a_provider_says_how_an_assets_prices_are_quoted(false);
