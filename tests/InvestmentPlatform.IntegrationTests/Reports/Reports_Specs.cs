using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Reports.Documents;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Analytics.AnalyticsSeed;

namespace InvestmentPlatform.IntegrationTests.Reports;

/// <summary>
/// PDF and Excel reports hold the figures the analytics API answers for the same inputs: PDF text through pdftotext,
/// workbook cells through the Open XML SDK with their types.
/// </summary>
public abstract class When_reports_are_generated(ApiDatabase database) : IAsyncLifetime
{
    private const string From = "2024-01-02", To = "2024-12-30";
    private ApiHost _host = null!;
    private HttpClient Client => _host.Client;
    private Guid _portfolio;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(database);
        var services = _host.Factory.Services;
        await WalkAsync(services, await AssetAsync(services, "ALPHA", "stock", "USD"), 1, 100);
        await WalkAsync(services, await AssetAsync(services, "BETA", "stock", "USD"), 2, 50);
        await WalkAsync(services, await AssetAsync(services, "INDEX", "stock", "USD"), 3, 1000);

        var created = await Client.PostAsJsonAsync("/api/portfolios", new { name = "Growth", baseCurrency = "USD", benchmarkSymbol = "INDEX" });
        _portfolio = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var tx in new object[]
        {
            new { type = "deposit", time = Day(0), amount = 20_000 },
            new { type = "buy", symbol = "ALPHA", time = Day(1), quantity = 60, price = 100, fee = 5 },
            new { type = "buy", symbol = "BETA", time = Day(2), quantity = 100, price = 50, note = "=risky" },
            new { type = "deposit", time = Day(120), amount = 5_000 },
            new { type = "sell", symbol = "ALPHA", time = Day(200), quantity = 20, price = 110 },
        })
        {
            var response = await Client.PostAsJsonAsync($"/api/portfolios/{_portfolio}/transactions", tx);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A year of daily closes (weekends included: the seed does not care for calendars).</summary>
    private static async Task WalkAsync(IServiceProvider services, long assetId, int seed, double price)
    {
        var random = new Random(seed);
        var bars = new List<(int, double, double?)>();
        for (var day = 0; day < 365; day++)
        {
            price = Math.Round(price * (1 + (random.NextDouble() - 0.48) / 25), 4);
            bars.Add((day, price, null));
        }
        await BarsAsync(services, assetId, [.. bars]);
    }

    private async Task<byte[]> FileAsync(string url, string contentType)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Should_print_the_portfolio_figures_the_api_answers()
    {
        var analytics = await Client.GetFromJsonAsync<JsonElement>($"/api/analytics/portfolio/{_portfolio}?from={From}&to={To}");
        var holdings = await Client.GetFromJsonAsync<JsonElement>($"/api/portfolios/{_portfolio}/holdings?at={To}");
        var twr = analytics.GetProperty("timeWeightedReturn").GetProperty("value").GetDouble();
        var irr = analytics.GetProperty("moneyWeightedReturn").GetProperty("annualized").GetDouble();
        var risk = analytics.GetProperty("risk");

        var text = await ReportFiles.PdfTextAsync(
            await FileAsync($"/api/portfolios/{_portfolio}/report?from={From}&to={To}&format=pdf", "application/pdf"), $"portfolio-{database}");
        Assert.Contains("Portfolio report: Growth (USD)", text);
        Assert.Contains($"Period {From} to {To}", text);
        Assert.Contains("generated", text);
        Assert.Contains("Data: synthetic (synthetic: generated, not market data)", text);
        Assert.Matches(@"Page 1 of [2-9]", text);
        Assert.Contains(CellText.Percent(twr), text);
        Assert.Contains(CellText.Percent(irr), text);
        Assert.Contains(CellText.Percent(risk.GetProperty("historicalVaR").GetDouble()), text);
        Assert.Contains(CellText.Number(risk.GetProperty("beta").GetDouble()), text);
        foreach (var h in holdings.GetProperty("holdings").EnumerateArray())
        {
            Assert.Contains(CellText.Number(h.GetProperty("marketValueBase").GetDouble()), text);
            Assert.Contains(CellText.Percent(h.GetProperty("weight").GetDouble()), text);
        }
        Assert.Contains("=risky", text); // a PDF runs nothing: the note is shown as written

        var book = ReportFiles.Workbook(await FileAsync(
            $"/api/portfolios/{_portfolio}/report?from={From}&to={To}&format=xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal(["Report", "Returns", "Holdings", "Risk", "Monthly returns", "Transactions"], book.Keys);
        Assert.Equal("yes", book["Report"]["B7"].Value);
        var periodTwr = book["Returns"]["B2"];
        Assert.Equal(("n", 2u), (periodTwr.Type, periodTwr.Style)); // a number formatted as a percentage
        Assert.Equal(twr, periodTwr.Number, 12);
        Assert.Equal(irr, book["Returns"]["E2"].Number, 12);
        Assert.Equal(risk.GetProperty("historicalCVaR").GetDouble(), book["Risk"]["H2"].Number, 12);
        var first = holdings.GetProperty("holdings")[0];
        Assert.Equal(first.GetProperty("symbol").GetString(), book["Holdings"]["A2"].Value);
        Assert.Equal(("n", 1u), (book["Holdings"]["F2"].Type, book["Holdings"]["F2"].Style));
        Assert.Equal(first.GetProperty("marketValueBase").GetDouble(), book["Holdings"]["F2"].Number, 9);
        Assert.Equal(first.GetProperty("weight").GetDouble(), book["Holdings"]["J2"].Number, 12);
        var firstTx = book["Transactions"]["A2"];
        Assert.Equal(3u, firstTx.Style); // a date
        Assert.Equal(DateTime.FromOADate(firstTx.Number), Day(1));
        Assert.Equal("=risky", book["Transactions"]["I3"].Value); // a typed text cell: no formula, nothing to escape
        Assert.Equal("inlineStr", book["Transactions"]["I3"].Type);
    }

    [Fact]
    public async Task Should_print_the_comparison_figures_the_api_answers()
    {
        var oneYear = await Client.GetFromJsonAsync<JsonElement>($"/api/analytics/performance?symbols=ALPHA&from=2023-12-30&to={To}");
        var period = await Client.GetFromJsonAsync<JsonElement>($"/api/analytics/performance?symbols=ALPHA,BETA&from={From}&to={To}");
        var risk = await Client.GetFromJsonAsync<JsonElement>($"/api/analytics/risk?symbols=ALPHA,BETA&from={From}&to={To}");
        var alpha = period.GetProperty("assets")[0];

        var text = await ReportFiles.PdfTextAsync(
            await FileAsync($"/api/reports/comparison?symbols=ALPHA,BETA&from={From}&to={To}", "application/pdf"), $"comparison-{database}");
        Assert.Contains("Asset comparison: ALPHA, BETA", text);
        Assert.Matches(@"Page 1 of \d", text);
        Assert.Contains(CellText.Percent(oneYear.GetProperty("assets")[0].GetProperty("totalReturn").GetDouble()), text);
        Assert.Contains(CellText.Percent(alpha.GetProperty("annualizedVolatility").GetDouble()), text);
        Assert.Contains(CellText.Number(alpha.GetProperty("sharpe").GetDouble()), text);
        Assert.Contains(CellText.Percent(alpha.GetProperty("maxDrawdown").GetProperty("depth").GetDouble()), text);
        Assert.Contains(CellText.Number(risk.GetProperty("correlation").GetProperty("matrix")[0][1].GetDouble()), text);

        var book = ReportFiles.Workbook(await FileAsync($"/api/reports/comparison?symbols=ALPHA,BETA&from={From}&to={To}&format=xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal(oneYear.GetProperty("assets")[0].GetProperty("totalReturn").GetDouble(), book["Returns"]["E2"].Number, 12);
        Assert.Equal(2u, book["Returns"]["E2"].Style);
        Assert.Equal(alpha.GetProperty("sharpe").GetDouble(), book["Risk and return"]["G2"].Number, 12);
        Assert.Equal(3u, book["Risk and return"]["B2"].Style);
        Assert.Equal(risk.GetProperty("correlation").GetProperty("matrix")[0][1].GetDouble(), book.Single(s => s.Key.StartsWith("Correlation")).Value["C2"].Number, 12);
    }

    [Fact]
    public async Task Should_list_coverage_and_gaps_as_the_coverage_endpoint_answers_them()
    {
        var services = _host.Factory.Services;
        var holey = await AssetAsync(services, "HOLEY", "crypto", "USD");
        await BarsAsync(services, holey, [.. Enumerable.Range(0, 10).Concat(Enumerable.Range(20, 10)).Select(d => (d, 10.0 + d, (double?)null))]);
        var coverage = (await Client.GetFromJsonAsync<JsonElement>("/api/assets/HOLEY/coverage")).GetProperty("series")[0];
        var gap = coverage.GetProperty("gaps")[0];

        var book = ReportFiles.Workbook(await FileAsync("/api/reports/coverage?symbols=HOLEY,ALPHA&format=xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var rows = book["Coverage"];
        Assert.Equal("ALPHA", rows["A2"].Value);
        Assert.Equal("HOLEY", rows["A3"].Value);
        Assert.Equal(("n", 3u), (rows["C3"].Type, rows["C3"].Style));
        Assert.Equal(coverage.GetProperty("firstTime").GetDateTime(), DateTime.FromOADate(rows["C3"].Number));
        Assert.Equal(coverage.GetProperty("lastTime").GetDateTime(), DateTime.FromOADate(rows["D3"].Number));
        Assert.Equal(coverage.GetProperty("rowCount").GetDouble(), rows["E3"].Number);
        Assert.Equal(1, rows["G3"].Number);
        Assert.Equal(gap.GetProperty("missingBars").GetDouble(), book["Gaps"]["E2"].Number);

        var text = await ReportFiles.PdfTextAsync(await FileAsync("/api/reports/coverage?symbols=HOLEY", "application/pdf"), $"coverage-{database}");
        Assert.Contains("Data coverage: HOLEY", text);
        Assert.Contains(CellText.Format(gap.GetProperty("missingBars").GetDouble(), CellKind.Count), text);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/reports/coverage?symbols=NOPE"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_refuse_bad_report_requests_with_a_problem()
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{_portfolio}/report?format=docx"), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{Guid.NewGuid()}/report"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{_portfolio}/report?from=2010-01-01&to=2010-02-01"),
            HttpStatusCode.UnprocessableEntity);
        var viewer = _host.WithToken(await _host.CreateUserAsync("someone", "viewer"));
        await ProblemAssert.IsProblemAsync(await viewer.GetAsync($"/api/portfolios/{_portfolio}/report"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().GetAsync($"/api/portfolios/{_portfolio}/report")).StatusCode);

        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/reports/comparison?symbols=ALPHA,NOPE"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/reports/comparison"), HttpStatusCode.BadRequest, "symbols");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/reports/comparison?symbols=ALPHA&format=csv"), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/reports/comparison?symbols=ALPHA&from=2010-01-01&to=2010-02-01"),
            HttpStatusCode.UnprocessableEntity);
        // A viewer may generate reports on shared data.
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/reports/comparison?symbols=ALPHA&from={From}&to={To}&format=xlsx")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_reports_are_generated_on_PostgreSQL() : When_reports_are_generated(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_reports_are_generated_on_SQLite() : When_reports_are_generated(ApiDatabase.Sqlite);
