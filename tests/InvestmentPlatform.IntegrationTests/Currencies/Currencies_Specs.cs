using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Currencies;

/// <summary>
/// A London stock quoted in pence, a Frankfurt stock in euros and one without a currency, with stored GBPUSD, EURUSD
/// and USDJPY daily rates (USDJPY stops after the fifth day): read in other currencies over HTTP, on both stores.
/// </summary>
public abstract class When_prices_are_read_in_another_currency(ApiDatabase database) : IAsyncLifetime
{
    private const int Days = 10;
    private const int UsdJpyDays = 5;
    private ApiHost _host = null!;

    private static DateTime Day(int i) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i);
    private static double Pence(int i) => 7000 + 10 * i;
    private static double Euros(int i) => 120 + i;
    private static double GbpUsd(int i) => 1.25 + 0.001 * i;
    private static double EurUsd(int i) => 1.085 + 0.002 * i;
    private static double UsdJpy(int i) => 157.2 + 0.3 * i;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(database);
        var vod = await CreateAsync("VOD.L", "stock", "GBp");
        var sap = await CreateAsync("SAPX", "stock", "EUR");
        var bare = await CreateAsync("NOCUR", "stock", null);
        var gbpUsd = await CreateAsync("GBPUSD=X", "forex", "USD");
        var eurUsd = await CreateAsync("EURUSD=X", "forex", "USD");
        var usdJpy = await CreateAsync("USDJPY=X", "forex", "JPY");
        var bars = new List<MarketBar>();
        var rates = new List<ForexRate>();
        for (var i = 0; i < Days; i++)
        {
            bars.Add(ApiHost.Bar(vod, "1d", Day(i), Pence(i), Pence(i) + 20, Pence(i) - 20, Pence(i), 1000));
            bars.Add(ApiHost.Bar(sap, "1d", Day(i), Euros(i), Euros(i) + 1, Euros(i) - 1, Euros(i), 500));
            bars.Add(ApiHost.Bar(bare, "1d", Day(i), 10, 11, 9, 10, 1));
            rates.Add(Rate(gbpUsd, i, GbpUsd(i)));
            rates.Add(Rate(eurUsd, i, EurUsd(i)));
            if (i < UsdJpyDays)
                rates.Add(Rate(usdJpy, i, UsdJpy(i)));
        }
        await _host.InsertAsync(bars);
        await _host.InsertAsync(rates);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ForexRate Rate(long assetId, int day, double close) =>
        new() { AssetId = assetId, Interval = "1d", Time = Day(day), Open = close, High = close, Low = close, Close = close };

    private async Task<long> CreateAsync(string symbol, string assetType, string? currency)
    {
        var response = await _host.Client.PostAsJsonAsync("/api/assets",
            new { symbol, name = symbol, assetType, currency, source = ApiHost.TestSource });
        Assert.True(response.IsSuccessStatusCode, $"{symbol}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assetId").GetInt64();
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _host.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Message(JsonElement problem) => problem.GetProperty("errors").GetProperty("currency")[0].GetString()!;

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, actual {actual:R}");

    [Fact]
    public async Task Should_convert_bars_latest_watchlist_and_analytics_at_each_bar_time()
    {
        // Pence into dollars: through pounds (/100) and GBPUSD of the same day.
        var bars = await JsonAsync("/api/market-data/VOD.L/bars?interval=1d&currency=USD");
        Assert.Equal(("USD", "GBp"), (bars.GetProperty("currency").GetString(), bars.GetProperty("convertedFrom").GetString()));
        var closes = bars.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(Days, closes.Count);
        for (var i = 0; i < Days; i++)
        {
            Near(Pence(i) / 100 * GbpUsd(i), closes[i].GetProperty("close").GetDouble());
            Near((Pence(i) + 20) / 100 * GbpUsd(i), closes[i].GetProperty("high").GetDouble());
            Assert.Equal(1000, closes[i].GetProperty("volume").GetDouble());
        }
        var pounds = await JsonAsync("/api/market-data/VOD.L/bars?interval=1d&currency=GBP&limit=1");
        Near(Pence(Days - 1) / 100, pounds.GetProperty("bars")[0].GetProperty("close").GetDouble());

        // Euros into yen, with no EURJPY stored: EURUSD x USDJPY; a week resampled from the converted days.
        var yen = (await JsonAsync($"/api/market-data/SAPX/bars?interval=1d&currency=JPY&to={Day(UsdJpyDays - 1):yyyy-MM-dd}"))
            .GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(UsdJpyDays, yen.Count);
        Near(120 * 1.085 * 157.2, yen[0].GetProperty("close").GetDouble());
        Near(124 * 1.093 * 158.4, yen[4].GetProperty("close").GetDouble());
        var week = (await JsonAsync($"/api/market-data/SAPX/bars?interval=1wk&currency=JPY&to={Day(UsdJpyDays - 1):yyyy-MM-dd}"))
            .GetProperty("bars")[0];
        Near(Euros(0) * EurUsd(0) * UsdJpy(0), week.GetProperty("open").GetDouble());
        Near(Euros(4) * EurUsd(4) * UsdJpy(4), week.GetProperty("close").GetDouble());

        var latest = await JsonAsync("/api/market-data/VOD.L/latest?currency=EUR");
        Assert.Equal("EUR", latest.GetProperty("currency").GetString());
        Near(Pence(Days - 1) / 100 * GbpUsd(Days - 1) / EurUsd(Days - 1), latest.GetProperty("close").GetDouble());

        var watch = (await JsonAsync("/api/market-data/watchlist?symbols=VOD.L,SAPX&currency=USD")).EnumerateArray().ToList();
        Assert.All(watch, w => Assert.Equal("USD", w.GetProperty("currency").GetString()));
        Near(Euros(Days - 1) * EurUsd(Days - 1), watch[1].GetProperty("last").GetDouble());

        var performance = await JsonAsync($"/api/analytics/performance?symbols=VOD.L&currency=USD");
        Near(Pence(Days - 1) * GbpUsd(Days - 1) / (Pence(0) * GbpUsd(0)) - 1,
            performance.GetProperty("assets")[0].GetProperty("totalReturn").GetDouble());
    }

    [Fact]
    public async Task Should_split_a_portfolio_return_into_local_and_currency_and_value_it_in_another_currency()
    {
        // A dollar portfolio holding 400 EUR of cash and 5 SAPX bought at 120 EUR.
        var created = await _host.Client.PostAsJsonAsync("/api/portfolios", new { name = "euros", baseCurrency = "USD" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var tx in new object[]
                 {
                     new { type = "deposit", time = Day(0), amount = 1000, currency = "EUR" },
                     new { type = "buy", symbol = "SAPX", time = Day(0), quantity = 5, price = 120 },
                 })
            Assert.Equal(HttpStatusCode.Created, (await _host.Client.PostAsJsonAsync($"/api/portfolios/{id}/transactions", tx)).StatusCode);
        double Euros9 = 400 + 5 * Euros(Days - 1), Euros0 = 400 + 5 * Euros(0);

        var dollars = await JsonAsync($"/api/analytics/portfolio/{id}");
        var (twr, local, fx) = (Value(dollars, "timeWeightedReturn"), Value(dollars, "localReturn"), Value(dollars, "currencyReturn"));
        Assert.True(Math.Abs((1 + local) * (1 + fx) - (1 + twr)) <= 1e-12, $"(1 + {local}) (1 + {fx}) vs 1 + {twr}");
        Near(Euros9 * EurUsd(Days - 1) / (Euros0 * EurUsd(0)) - 1, twr);
        Near(Euros9 / Euros0 - 1, local);
        Near(EurUsd(Days - 1) / EurUsd(0) - 1, fx);

        // Read in euros, the holdings' own currency: no currency return left.
        var euros = await JsonAsync($"/api/analytics/portfolio/{id}?currency=EUR");
        Assert.Equal("EUR", euros.GetProperty("baseCurrency").GetString());
        Near(Euros9 * EurUsd(Days - 1) / EurUsd(Days - 1), euros.GetProperty("value").EnumerateArray().Last().GetProperty("value").GetDouble());
        Near(Euros9 / Euros0 - 1, Value(euros, "timeWeightedReturn"));
        Assert.Equal(0, Value(euros, "currencyReturn"), 12);

        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync($"/api/analytics/portfolio/{id}?currency=GBp"), HttpStatusCode.BadRequest, "currency");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync($"/api/analytics/portfolio/{id}?currency=CHF"), HttpStatusCode.UnprocessableEntity);
    }

    private static double Value(JsonElement report, string name) => report.GetProperty(name).GetProperty("value").GetDouble();

    [Fact]
    public async Task Should_refuse_with_422_naming_the_pair_and_never_use_a_rate_of_one()
    {
        // USDJPY stops on day 4: day 8 is within four days of it, day 9 is not.
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/api/market-data/SAPX/bars?currency=JPY&to={Day(8):yyyy-MM-dd}")).StatusCode);
        var stale = Message(await ProblemAssert.IsProblemAsync(
            await _host.Client.GetAsync("/api/market-data/SAPX/bars?currency=JPY&limit=2"), HttpStatusCode.UnprocessableEntity, "currency"));
        Assert.Contains("USDJPY=X", stale);
        Assert.Contains("2024-01-10", stale);

        var noPair = Message(await ProblemAssert.IsProblemAsync(
            await _host.Client.GetAsync("/api/market-data/SAPX/bars?currency=CHF&format=csv"), HttpStatusCode.UnprocessableEntity, "currency"));
        Assert.Contains("EURCHF=X", noPair);
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/SAPX/latest?currency=CHF"), HttpStatusCode.UnprocessableEntity, "currency");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/watchlist?symbols=SAPX&currency=CHF"), HttpStatusCode.UnprocessableEntity, "currency");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/analytics/performance?symbols=SAPX&currency=JPY"), HttpStatusCode.UnprocessableEntity, "currency");

        var bare = Message(await ProblemAssert.IsProblemAsync(
            await _host.Client.GetAsync("/api/market-data/NOCUR/bars?currency=USD"), HttpStatusCode.UnprocessableEntity, "currency"));
        Assert.Contains("no currency", bare);
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/VOD.L/bars?currency=EURO"), HttpStatusCode.BadRequest, "currency");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/analytics/risk?symbols=VOD.L&currency=1"), HttpStatusCode.BadRequest, "currency");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().GetAsync("/api/market-data/VOD.L/bars?currency=USD")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_prices_are_read_in_another_currency_on_PostgreSQL() : When_prices_are_read_in_another_currency(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_prices_are_read_in_another_currency_on_SQLite() : When_prices_are_read_in_another_currency(ApiDatabase.Sqlite);
