using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Alerts.Evaluation;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using static InvestmentPlatform.IntegrationTests.Alerts.AlertsHost;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// Drawdown and VaR rules on alice's portfolio, valued by the analytics engine from bars loaded through the pipeline,
/// on PostgreSQL + RabbitMQ and on SQLite + the in-memory bus. The figures are worked out by hand in the comments.
/// </summary>
public abstract class When_a_portfolio_falls(ApiDatabase database) : IAsyncLifetime
{
    private AlertsHost _host = null!;
    private Guid _portfolio;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync(database);
        await _host.LoadAsync("HOLD", (2, 100, 10), (3, 110, 10), (4, 99, 10));
        _portfolio = (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/portfolios", new { name = "watched", baseCurrency = "USD" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var tx in new object[]
                 {
                     new { type = "deposit", time = Day(2), amount = 1000, currency = "USD" },
                     new { type = "buy", symbol = "HOLD", time = Day(2), quantity = 10, price = 100 },
                 })
            await JsonAsync(await _host.Alice.PostAsJsonAsync($"/api/portfolios/{_portfolio}/transactions", tx), HttpStatusCode.Created);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<JsonElement>> FiringsAsync(Guid rule) =>
        (await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{rule}/firings"), HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray().OrderBy(f => f.GetProperty("triggerTime").GetDateTime()).ToList();

    private Task<int> CheckAtAsync(int day) => _host.CheckAtAsync<PortfolioRuleCheck>(Day(day).AddHours(12));

    [Fact]
    public async Task Should_fire_a_drawdown_once_until_it_recovers_and_a_var_breach_on_the_day_it_happens()
    {
        var drawdown = (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/alerts",
            new { name = "down 8%", kind = "portfolio", portfolioId = _portfolio, field = "drawdown", percent = 8 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var var = (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/alerts",
            new { name = "VaR 90%", kind = "portfolio", portfolioId = _portfolio, field = "var", confidence = 0.9 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await _host.Bob.PostAsJsonAsync("/api/alerts",
            new { name = "theirs", kind = "portfolio", portfolioId = _portfolio, field = "drawdown", percent = 8 }), HttpStatusCode.UnprocessableEntity, "portfolioId");
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/alerts",
            new { name = "x", kind = "portfolio", portfolioId = _portfolio, field = "drawdown", percent = 100 }), HttpStatusCode.UnprocessableEntity, "percent");
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/alerts",
            new { name = "x", kind = "portfolio", portfolioId = _portfolio, field = "var", confidence = 1 }), HttpStatusCode.UnprocessableEntity, "confidence");

        // Values 1000, 1100, 990: returns +10 %, -10 %; wealth 1, 1.1, 0.99 is 990 / 1100 - 1 = -10 % under its peak.
        // VaR needs two returns before the day it tests: not yet.
        Assert.Equal(1, await CheckAtAsync(4));
        Assert.Equal(0, await CheckAtAsync(4));
        Assert.Equal(-10, Assert.Single(await FiringsAsync(drawdown)).GetProperty("value").GetDouble(), 9);

        // 1045: -5 % under the peak re-arms the drawdown. VaR(90 %) of (+10 %, -10 %): the 10 % quantile at
        // h = 1 × 0.1 is -10 + 0.1 × 20 = -8 %, so VaR is 8 %; the day gained 5.56 %: no breach.
        await _host.LoadAsync("HOLD", (5, 104.5, 10));
        Assert.Equal(0, await CheckAtAsync(5));

        // 880: 880 / 1100 - 1 = -20 % fires again. Returns before the day: -10 %, +5.556 %, +10 %; the 10 % quantile at
        // h = 2 × 0.1 = 0.2 is -10 + 0.2 × 15.556 = -6.889 %: the day's loss 1 - 880 / 1045 = 15.789 % breaches it.
        await _host.LoadAsync("HOLD", (8, 88, 10));
        Assert.Equal(2, await CheckAtAsync(8));
        Assert.Equal([-10.0, -20.0], (await FiringsAsync(drawdown)).Select(f => Math.Round(f.GetProperty("value").GetDouble(), 9)));
        var breach = Assert.Single(await FiringsAsync(var));
        Assert.Equal((1 - 880.0 / 1045) * 100, breach.GetProperty("value").GetDouble(), 9);
        Assert.Equal(Day(8), breach.GetProperty("triggerTime").GetDateTime().ToUniversalTime());
        Assert.Contains("VaR of 6.89%", breach.GetProperty("message").GetString());
        Assert.Equal(3, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await JsonAsync(await _host.Bob.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_portfolio_falls_on_PostgreSQL() : When_a_portfolio_falls(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_portfolio_falls_on_SQLite() : When_a_portfolio_falls(ApiDatabase.Sqlite);
