using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Quality;

/// <summary>
/// An economic series collected from FRED (a loopback double speaking ALFRED's vintage format) through the whole
/// pipeline, twice: the second collection brings a revision. Read as it is now and as it was known on past days.
/// </summary>
public abstract class When_an_economic_series_is_revised(ApiDatabase database) : IAsyncLifetime
{
    private const string Symbol = "GDPREV";
    private readonly FredDouble _fred = new();
    private HostileHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await HostileHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Sources:Fred:BaseUrl"] = _fred.BaseUrl,
            ["Sources:Fred:ApiKey"] = "test-key",
            ["Sources:Fred:RatePermits"] = "100",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fred.DisposeAsync();
    }

    private async Task CollectAsync()
    {
        var id = await HostileHost.AcceptedAsync(await _host.PostJsonAsync("/api/ingestion/requests",
            $$"""{"source":"fred","symbols":["{{Symbol}}"],"interval":"1d","from":"2024-01-01","to":"2024-01-31"}"""));
        var finished = await _host.Host.WaitFinishedAsync(id);
        Assert.True(finished.GetProperty("status").GetString() == "succeeded", finished.ToString());
    }

    private async Task<List<(string Day, double Close)>> BarsAsync(string query = "")
    {
        var body = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/market-data/{Symbol}/bars?{query}");
        return body.GetProperty("bars").EnumerateArray()
            .Select(b => (b.GetProperty("time").GetDateTime().ToString("yyyy-MM-dd"), b.GetProperty("close").GetDouble())).ToList();
    }

    [Fact]
    public async Task Should_answer_with_what_was_published_on_the_day_asked_and_keep_every_revision()
    {
        // 01-02 first published as 100.0 on 01-03, revised to 101.5 on 01-10; 01-03 published as 102.0 on 01-04.
        _fred.Vintages =
        [
            ("2024-01-02", "100.0", "2024-01-03", "2024-01-09"),
            ("2024-01-02", "101.5", "2024-01-10", "9999-12-31"),
            ("2024-01-03", "102.0", "2024-01-04", "9999-12-31"),
        ];
        await CollectAsync();
        Assert.Contains("realtime_start=1776-07-04", _fred.ObservationQueries[0]);

        Assert.Equal([("2024-01-02", 101.5), ("2024-01-03", 102.0)], await BarsAsync());
        Assert.Equal([], await BarsAsync("asOf=2024-01-02"));
        Assert.Equal([("2024-01-02", 100.0)], await BarsAsync("asOf=2024-01-03"));
        Assert.Equal([("2024-01-02", 100.0), ("2024-01-03", 102.0)], await BarsAsync("asOf=2024-01-09"));
        Assert.Equal([("2024-01-02", 101.5), ("2024-01-03", 102.0)], await BarsAsync("asOf=2024-01-10"));
        var header = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/market-data/{Symbol}/bars?asOf=2024-01-09T15:00:00Z");
        Assert.Equal("2024-01-09", header.GetProperty("asOf").GetString());

        // FRED revises 01-03 on 01-15: the value published before stays, closed on 01-14, and the new one is added.
        _fred.Vintages =
        [
            ("2024-01-02", "100.0", "2024-01-03", "2024-01-09"),
            ("2024-01-02", "101.5", "2024-01-10", "9999-12-31"),
            ("2024-01-03", "102.0", "2024-01-04", "2024-01-14"),
            ("2024-01-03", "99.0", "2024-01-15", "9999-12-31"),
        ];
        await CollectAsync();

        Assert.Equal([("2024-01-02", 101.5), ("2024-01-03", 99.0)], await BarsAsync());
        Assert.Equal([("2024-01-02", 101.5), ("2024-01-03", 102.0)], await BarsAsync("asOf=2024-01-14"));
        Assert.Equal([("2024-01-02", 101.5), ("2024-01-03", 99.0)], await BarsAsync("asOf=2024-01-15"));
        var kept = await _host.Host.WithDbAsync(db => db.SeriesVintages.AsNoTracking().OrderBy(v => v.Time).ThenBy(v => v.ValidFrom)
            .Select(v => new { v.Value, v.ValidTo }).ToListAsync());
        Assert.Equal([100.0, 101.5, 102.0, 99.0], kept.Select(v => v.Value));
        Assert.Equal([new DateTime(2024, 1, 9), (DateTime?)null, new DateTime(2024, 1, 14), null], kept.Select(v => v.ValidTo));
    }

    [Fact]
    public async Task Should_refuse_asOf_where_no_vintages_are_kept_and_when_it_is_not_a_date()
    {
        var created = await _host.Client.PostAsJsonAsync("/api/assets",
            new { symbol = "NOVINT", name = "No vintages", assetType = "economic_indicator", source = "csv" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/NOVINT/bars?asOf=2024-01-10"),
            HttpStatusCode.UnprocessableEntity, "asOf");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/NOVINT/bars?asOf=yesterday"),
            HttpStatusCode.BadRequest, "asOf");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_an_economic_series_is_revised_on_PostgreSQL() : When_an_economic_series_is_revised(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_an_economic_series_is_revised_on_SQLite() : When_an_economic_series_is_revised(ApiDatabase.Sqlite);
