using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using static InvestmentPlatform.IntegrationTests.Analytics.AnalyticsSeed;

namespace InvestmentPlatform.IntegrationTests.Analytics;

/// <summary>The same valuations from both stores: PostgreSQL in distributed mode, SQLite in the embedded default.</summary>
public abstract class When_a_portfolio_is_recorded_and_valued(ApiDatabase database) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private HttpClient _client => _host.Client;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(database);
        var services = _host.Factory.Services;
        // A euro stock that splits 2-for-1 on day 3 (raw closes halve) and a pair quoted as dollars per euro.
        var sap = await AssetAsync(services, "EUSTOCK", "stock", "EUR");
        await BarsAsync(services, sap, (1, 100), (2, 104), (5, 52), (6, 55));
        var eurusd = await AssetAsync(services, "EURUSD=X", "forex", "USD");
        await FxAsync(services, eurusd, (1, 1.10), (4, 1.20), (6, 1.25));
        var usd = await AssetAsync(services, "USSTOCK", "stock", "USD");
        await BarsAsync(services, usd, (1, 50), (2, 55), (3, 60.5));
        await BarsAsync(services, await AssetAsync(services, "SPX", "stock", "USD"), (1, 1000), (2, 1010), (3, 1020));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CreatePortfolioAsync(string name, string baseCurrency, string method = "fifo", string? benchmark = null)
    {
        var response = await _client.PostAsJsonAsync("/api/portfolios", new { name, baseCurrency, costBasisMethod = method, benchmarkSymbol = benchmark });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<HttpResponseMessage> AddAsync(Guid id, object tx) =>
        await _client.PostAsJsonAsync($"/api/portfolios/{id}/transactions", tx);

    [Fact]
    public async Task Should_value_holdings_across_a_split_a_dividend_and_a_currency_conversion()
    {
        var id = await CreatePortfolioAsync("euro", "USD");
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "deposit", time = Day(1), amount = 2000, currency = "EUR" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "buy", symbol = "EUSTOCK", time = Day(1), quantity = 10, price = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "split", symbol = "EUSTOCK", time = Day(3), quantity = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "dividend", symbol = "EUSTOCK", time = Day(4), amount = 20, fee = 3 })).StatusCode);

        var response = await _client.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-06");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var h = body.GetProperty("holdings")[0];
        // 10 shares at 100 became 20 at 50; day 5 close 52 EUR; EURUSD last on or before day 5 is day 4's 1.20.
        Near(20, h.Number("quantity"));
        Near(50, h.Number("averageCost"));
        Near(1000, h.Number("costBasis"));
        Near(52, h.Number("price"));
        Assert.Equal("EUR", h.GetProperty("currency").GetString());
        Near(1040, h.Number("marketValue"));
        Near(1248, h.Number("marketValueBase"));
        Near(40, h.Number("unrealizedPnl"));
        Near(17, h.Number("income"));
        // cash 2000 - 1000 + 20 - 3 = 1017 EUR = 1220.4 USD
        Near(1220.4, body.Number("cash"));
        Near(2468.4, body.Number("totalValue"));
        Near(1248 / 2468.4, h.Number("weight"));

        // The day before the split: 10 shares at day 2's 104 EUR, at day 1's 1.10.
        var before = await (await _client.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-03")).JsonAsync();
        Near(10, before.GetProperty("holdings")[0].Number("quantity"));
        Near(1144, before.GetProperty("holdings")[0].Number("marketValueBase"));
    }

    [Fact]
    public async Task Should_invert_the_pair_when_the_base_is_its_quote()
    {
        var id = await CreatePortfolioAsync("dollars-in-euro", "EUR");
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = 2, price = 50 })).StatusCode);
        var body = await (await _client.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-02")).JsonAsync();
        Near(100 / 1.10, body.GetProperty("holdings")[0].Number("marketValueBase"));
    }

    [Fact]
    public async Task Should_refuse_invalid_transactions_with_the_reason()
    {
        var id = await CreatePortfolioAsync("rules", "USD");
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = 2, price = 50 })).StatusCode);

        var oversell = await AddAsync(id, new { type = "sell", symbol = "USSTOCK", time = Day(2), quantity = 3, price = 55 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oversell.StatusCode);
        var detail = (await oversell.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("only 2", detail);
        Assert.Contains("Selling 3 USSTOCK", detail); // the symbol, never the asset id
        // a back-dated sell before the buy is checked against the history at its date
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(id, new { type = "sell", symbol = "USSTOCK", time = Day(0), quantity = 1, price = 55 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(id, new { type = "buy", symbol = "NOPE", time = Day(1), quantity = 1, price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = DateTime.UtcNow.AddDays(2), quantity = 1, price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = 0, price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = -1, price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(id, new { type = "gift", symbol = "USSTOCK", time = Day(1), quantity = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AddAsync(Guid.NewGuid(), new { type = "deposit", time = Day(1), amount = 1 })).StatusCode);
        var malformed = await _client.PostAsync($"/api/portfolios/{id}/transactions", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        // the sell of both shares is fine; deleting the buy it depends on is then a conflict
        var sell = await AddAsync(id, new { type = "sell", symbol = "USSTOCK", time = Day(2), quantity = 2, price = 55 });
        Assert.Equal(HttpStatusCode.Created, sell.StatusCode);
        var list = await (await _client.GetAsync($"/api/portfolios/{id}/transactions")).JsonAsync();
        Assert.Equal(2, list.GetProperty("totalCount").GetInt32());
        var buyId = list.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "buy").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await _client.DeleteAsync($"/api/portfolios/{id}/transactions/{buyId}")).StatusCode);
        var sellId = (await sell.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/portfolios/{id}/transactions/{sellId}")).StatusCode);
    }

    [Fact]
    public async Task Should_import_nothing_from_a_csv_with_bad_lines_unless_told_to_skip_them_and_report_each()
    {
        var id = await CreatePortfolioAsync("imported", "USD");
        var csv = """
            type,symbol,time,quantity,price,amount,fee,currency,note
            deposit,,2024-01-02,,,1000,,USD,"first, with a comma"
            buy,USSTOCK,2024-01-02,4,50,,1,,
            sell,USSTOCK,2024-01-03,9,55,,,,
            buy,NOPE,2024-01-03,1,1,,,,
            buy,USSTOCK,not-a-date,1,1,,,,
            sell,USSTOCK,2024-01-04,4,60.5,,,,
            """;
        var refused = await _client.PostAsync($"/api/portfolios/{id}/transactions/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "body");
        Assert.Equal([4, 5, 6], problem.GetProperty("lines").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        var stored = await (await _client.GetAsync($"/api/portfolios/{id}/transactions")).JsonAsync();
        Assert.Equal(0, stored.GetProperty("totalCount").GetInt32());

        var response = await _client.PostAsync($"/api/portfolios/{id}/transactions/import?mode=skip-invalid", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal("skip-invalid", body.GetProperty("mode").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([4, 5, 6], errors);

        var holdings = await (await _client.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-04")).JsonAsync();
        // realised (60.5 - 50.25) x 4 with the 1 fee in the cost; cash 1000 - 201 + 242
        Near(41, holdings.GetProperty("holdings")[0].Number("realizedPnl"));
        Near(1041, holdings.Number("cash"));

        var badHeader = await _client.PostAsync($"/api/portfolios/{id}/transactions/import", new StringContent("a,b\n1,2", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
    }

    [Fact]
    public async Task Should_show_time_and_money_weighted_returns_side_by_side()
    {
        var id = await CreatePortfolioAsync("returns", "USD", benchmark: "SPX");
        await AddAsync(id, new { type = "deposit", time = Day(1), amount = 1000 });
        await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = 20, price = 50 });
        await AddAsync(id, new { type = "deposit", time = Day(2), amount = 1000 });

        var response = await _client.GetAsync($"/api/analytics/portfolio/{id}?to=2024-01-04");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var values = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(3, values.Count);
        Near(1000, values[0].Number("value"));
        Near(2100, values[1].Number("value"));
        Near(2210, values[2].Number("value"));
        Near(1000, values[1].Number("flow"));

        // day 2: (2100 - 1000) / 1000 - 1 = 10%; day 3: 2210 / 2100 - 1
        var twr = 1.1 * (2210.0 / 2100) - 1;
        var t = body.GetProperty("timeWeightedReturn");
        Assert.Contains("Time-weighted", t.GetProperty("label").GetString());
        Near(twr, t.Number("value"));
        Near(Math.Pow(1 + twr, 365.0 / 2) - 1, t.Number("annualized"));

        // IRR: -1000 at day 1, -1000 at day 2, +2210 at day 3 (actual/365)
        var m = body.GetProperty("moneyWeightedReturn");
        Assert.Contains("Money-weighted", m.GetProperty("label").GetString());
        var irr = m.Number("annualized");
        var npv = -1000 - 1000 / Math.Pow(1 + irr, 1 / 365.0) + 2210 / Math.Pow(1 + irr, 2 / 365.0);
        Assert.True(Math.Abs(npv) < 1e-6, $"npv {npv}");

        var contribution = body.GetProperty("contributions")[0];
        Assert.Equal("USSTOCK", contribution.GetProperty("symbol").GetString());
        Near(100.0 / 1000 + 110.0 / 2100, contribution.Number("contribution"));

        // the same flows put into SPX: 1 unit at 1000, +1000/1010 units on day 2
        Near((1 + 1000 / 1010.0) * 1020, values[2].Number("benchmark"));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("risk").ValueKind);
    }

    [Fact]
    public async Task Should_take_the_risk_free_rate_into_alpha_and_refuse_a_bad_one()
    {
        var id = await CreatePortfolioAsync("alpha", "USD", benchmark: "SPX");
        await AddAsync(id, new { type = "deposit", time = Day(1), amount = 1000 });
        await AddAsync(id, new { type = "buy", symbol = "USSTOCK", time = Day(1), quantity = 20, price = 50 });

        var plain = (await (await _client.GetAsync($"/api/analytics/portfolio/{id}?to=2024-01-04")).JsonAsync()).GetProperty("risk");
        var withRate = (await (await _client.GetAsync($"/api/analytics/portfolio/{id}?to=2024-01-04&riskFree=0.05&periodsPerYear=365")).JsonAsync()).GetProperty("risk");

        // alpha = (mean(r) - rf - beta (mean(b) - rf)) P, so alpha(rf) - alpha(0) = (beta - 1) rf P with rf = 1.05^(1/P) - 1.
        var beta = plain.Number("beta");
        Near(beta, withRate.Number("beta"));
        Near((beta - 1) * (Math.Pow(1.05, 1 / 365.0) - 1) * 365, withRate.Number("alpha") - plain.Number("alpha") * 365 / 252);
        foreach (var bad in new[] { "riskFree=-1", "riskFree=abc", "periodsPerYear=0" })
            Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/analytics/portfolio/{id}?{bad}")).StatusCode);
    }

    [Fact]
    public async Task Should_manage_portfolios_with_problem_details_for_bad_input()
    {
        var id = await CreatePortfolioAsync("crud", "USD");
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsJsonAsync("/api/portfolios", new { name = "crud", baseCurrency = "USD" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/portfolios", new { name = "x", baseCurrency = "dollars" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/portfolios", new { name = "y", baseCurrency = "USD", costBasisMethod = "lifo" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsJsonAsync("/api/portfolios", new { name = "z", baseCurrency = "USD", benchmarkSymbol = "NOPE" })).StatusCode);
        var put = await _client.PutAsJsonAsync($"/api/portfolios/{id}", new { name = "renamed", baseCurrency = "EUR", costBasisMethod = "average", allowShort = true, version = 0 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("average", (await put.JsonAsync()).GetProperty("costBasisMethod").GetString());
        var page = await (await _client.GetAsync("/api/portfolios?page=1&pageSize=10")).JsonAsync();
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/portfolios?pageSize=501")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/portfolios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/portfolios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/analytics/portfolio/{id}")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_portfolio_is_recorded_and_valued_on_PostgreSQL() : When_a_portfolio_is_recorded_and_valued(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_portfolio_is_recorded_and_valued_on_SQLite() : When_a_portfolio_is_recorded_and_valued(ApiDatabase.Sqlite);
