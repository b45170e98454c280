using System.Net;
using System.Net.Http.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using static InvestmentPlatform.IntegrationTests.Analytics.AnalyticsSeed;

namespace InvestmentPlatform.IntegrationTests.Analytics;

/// <summary>The same figures from both stores: PostgreSQL in distributed mode, SQLite in the embedded default.</summary>
public abstract class AnalyticsHost(ApiDatabase database) : SharedApiHost(database)
{
    protected override async Task SeedAsync(ApiHost host)
    {
        var services = host.Factory.Services;
        // Adjusted closes 100, 110, 99, 108.9, 117.612 (returns +10%, -10%, +10%, +8%); the raw close differs so the test
        // proves the adjusted close is used.
        var acme = await AssetAsync(services, "ACME", "stock", "USD");
        await BarsAsync(services, acme, (0, 200, 100), (1, 220, 110), (2, 198, 99), (3, 217.8, 108.9), (4, 235.224, 117.612));
        // Returns 2%, -1%, 3%, 0% (days 1-4) and the benchmark 1%, -2%, 2%, 1%; the benchmark has an extra day 5.
        var a = await AssetAsync(services, "AAA", "stock", "USD");
        await BarsAsync(services, a, (0, 100), (1, 102), (2, 100.98), (3, 104.0094), (4, 104.0094));
        var b = await AssetAsync(services, "BENCH", "stock", "USD");
        await BarsAsync(services, b, (0, 100), (1, 101), (2, 98.98), (3, 100.9596), (4, 101.969196), (5, 90));
        var btc = await AssetAsync(services, "BTC-USD", "crypto", "USD");
        await BarsAsync(services, btc, (0, 100), (1, 110), (2, 99));
        await AssetAsync(services, "DGS10", "bond", "USD");
        // Every day from 1 January to 10 February 2024, closing at 100 + the day's offset.
        var steady = await AssetAsync(services, "STEADY", "stock", "USD");
        await BarsAsync(services, steady, Enumerable.Range(0, 41).Select(d => (d, 100.0 + d)).ToArray());
    }
}

public sealed class PostgresAnalyticsHost() : AnalyticsHost(ApiDatabase.Postgres);

public sealed class SqliteAnalyticsHost() : AnalyticsHost(ApiDatabase.Sqlite);

public abstract class When_performance_and_risk_are_asked_over_http(AnalyticsHost host)
{
    private readonly HttpClient _client = host.Host.Client;

    [Fact]
    public async Task Should_answer_the_performance_set_by_the_stated_conventions()
    {
        var response = await _client.GetAsync("/api/analytics/performance?symbols=ACME,BTC-USD&rollingWindow=2&riskFree=0.05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var acme = body.GetProperty("assets")[0];
        Assert.Equal("ACME", acme.GetProperty("symbol").GetString());
        Assert.Equal(252, acme.Number("periodsPerYear"));
        Assert.Equal(365, body.GetProperty("assets")[1].Number("periodsPerYear"));
        Assert.Equal(5, acme.GetProperty("observations").GetInt32());
        Near(0.17612, acme.Number("totalReturn"));
        Near(Math.Pow(1.17612, 63) - 1, acme.Number("annualizedReturn"));
        Near(Math.Sqrt(0.0283 / 3) * Math.Sqrt(252), acme.Number("annualizedVolatility"));
        var rf = Math.Pow(1.05, 1.0 / 252) - 1;
        Near((0.045 - rf) / Math.Sqrt(0.0283 / 3) * Math.Sqrt(252), acme.Number("sharpe"));
        // downside against rf: only -0.1 - rf and nothing else falls below rf
        Near((0.045 - rf) / Math.Sqrt(Math.Pow(-0.1 - rf, 2) / 4) * Math.Sqrt(252), acme.Number("sortino"));
        var dd = acme.GetProperty("maxDrawdown");
        Near(-0.1, dd.Number("depth"));
        Assert.Equal(Day(1), dd.GetProperty("peak").GetDateTime().ToUniversalTime());
        Assert.Equal(Day(2), dd.GetProperty("trough").GetDateTime().ToUniversalTime());
        Assert.Equal(Day(4), dd.GetProperty("recovery").GetDateTime().ToUniversalTime());
        Near(0.10, acme.GetProperty("bestPeriod").Number("return"));
        Assert.Equal(3, acme.GetProperty("rolling").GetArrayLength());
        Assert.Contains("n - 1", body.GetProperty("conventions").GetProperty("volatility").GetString());
    }

    [Fact]
    public async Task Should_answer_the_risk_set_with_beta_against_the_benchmark()
    {
        var response = await _client.GetAsync("/api/analytics/risk?symbols=AAA,BENCH&benchmark=BENCH&confidence=0.95");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var a = body.GetProperty("assets")[0];
        Near(8.0 / 9, a.Number("beta"));
        Near((0.01 - 8.0 / 9 * 0.005) * 252, a.Number("alpha"));
        var corr = body.GetProperty("correlation");
        Assert.Equal(4, corr.GetProperty("observations").GetInt32()); // day 5 is the benchmark's alone
        Near(0.8 / Math.Sqrt(0.9), corr.GetProperty("matrix")[0][1].GetDouble());
        Near(0.0008 / 3, body.GetProperty("covariance").GetProperty("matrix")[0][1].GetDouble());
        // historical VaR of AAA's four returns -1%, 0%, 2%, 3% at 95%: h = 3 * 0.05 = 0.15 -> -0.01 + 0.15 * 0.01
        Near(0.0085, a.Number("historicalVaR"));
    }

    [Fact]
    public async Task Should_take_weekly_and_monthly_returns_from_the_last_daily_price_of_each_period()
    {
        var weekly = (await (await _client.GetAsync("/api/analytics/performance?symbols=STEADY&interval=1wk")).JsonAsync()).GetProperty("assets")[0];
        var monthly = (await (await _client.GetAsync("/api/analytics/performance?symbols=STEADY&interval=1mo")).JsonAsync()).GetProperty("assets")[0];

        // Weeks from Monday 1 January to the week of Monday 5 February: their last days are the 7th, 14th, … and 10 February.
        Assert.Equal(52, weekly.Number("periodsPerYear"));
        Assert.Equal(6, weekly.GetProperty("observations").GetInt32());
        Near(140.0 / 106 - 1, weekly.Number("totalReturn"));
        Assert.Equal(Day(35), weekly.GetProperty("to").GetDateTime().ToUniversalTime());
        // January closes at 130 on the 31st, February's last price is 140.
        Assert.Equal(12, monthly.Number("periodsPerYear"));
        Assert.Equal(2, monthly.GetProperty("observations").GetInt32());
        Near(140.0 / 130 - 1, monthly.Number("totalReturn"));
        Assert.Equal(Day(31), monthly.GetProperty("to").GetDateTime().ToUniversalTime());
    }

    [Theory]
    [InlineData("/api/analytics/performance?symbols=NOPE", HttpStatusCode.NotFound)]
    [InlineData("/api/analytics/performance?symbols=ACME&interval=5m", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/risk?symbols=ACME&benchmark=NOPE", HttpStatusCode.NotFound)]
    [InlineData("/api/analytics/performance?symbols=ACME&from=2030-01-01&to=2030-02-01", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/analytics/performance?symbols=ACME&from=2024-01-03&to=2024-01-03", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/analytics/risk?symbols=ACME&confidence=1.5", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/risk?symbols=ACME&confidence=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/risk?symbols=ACME&confidence=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/performance?symbols=ACME&from=2024-02-01&to=2024-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/performance?symbols=ACME&from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/performance", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/performance?symbols=ACME&rollingWindow=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/analytics/performance?symbols=DGS10", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/analytics/performance?symbols=ACME&riskFreeSeries=DGS10", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/analytics/results/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task Should_answer_bad_input_with_problem_details(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Should_refuse_a_compute_request_for_an_unknown_kind_or_symbol()
    {
        var unknownKind = await _client.PostAsJsonAsync("/api/analytics/compute", new { kind = "magic", symbols = new[] { "ACME" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        var unknownSymbol = await _client.PostAsJsonAsync("/api/analytics/compute", new { kind = "risk", symbols = new[] { "NOPE" } });
        Assert.Equal(HttpStatusCode.NotFound, unknownSymbol.StatusCode);
        var badConfidence = await _client.PostAsJsonAsync("/api/analytics/compute", new { kind = "risk", symbols = new[] { "ACME" }, confidence = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, badConfidence.StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_performance_and_risk_are_asked_over_http_on_PostgreSQL(PostgresAnalyticsHost host)
    : When_performance_and_risk_are_asked_over_http(host), IClassFixture<PostgresAnalyticsHost>;

[Collection(IntegrationCollection.Name)]
public sealed class When_performance_and_risk_are_asked_over_http_on_SQLite(SqliteAnalyticsHost host)
    : When_performance_and_risk_are_asked_over_http(host), IClassFixture<SqliteAnalyticsHost>;
