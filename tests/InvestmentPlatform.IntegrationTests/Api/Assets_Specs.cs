using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Api;

public abstract class When_assets_are_managed_through_the_API(ApiDatabase database) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_create_get_update_and_delete_an_asset()
    {
        var created = await Client.PostAsJsonAsync("/api/assets", new
        {
            symbol = "EURUSD=X", name = "Euro / US dollar", assetType = "forex", currency = "USD", source = ApiHost.TestSource,
            metadata = new Dictionary<string, string> { ["timezone"] = "Europe/London" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/assets/EURUSD%3DX", created.Headers.Location?.OriginalString);

        var fetched = await Client.GetFromJsonAsync<JsonElement>("/api/assets/EURUSD%3DX");
        Assert.Equal("forex", fetched.GetProperty("assetType").GetString());
        Assert.Equal("Europe/London", fetched.GetProperty("metadata").GetProperty("timezone").GetString());
        Assert.False(fetched.GetProperty("isSynthetic").GetBoolean());

        var updated = await Client.PutAsJsonAsync("/api/assets/EURUSD%3DX",
            new { name = "EUR/USD", assetType = "forex", currency = "USD", source = ApiHost.TestSource, version = 0 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("EUR/USD", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/assets/EURUSD%3DX")).StatusCode);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/EURUSD%3DX"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_filter_search_sort_and_page_the_list()
    {
        await _host.CreateAssetAsync("AAPL", "stock", "Apple Inc.");
        await _host.CreateAssetAsync("MSFT", "stock", "Microsoft");
        await _host.CreateAssetAsync("BTC-USD", "crypto", "Bitcoin");
        await _host.CreateAssetAsync("DGS10", "bond", "10-year Treasury");

        var stocks = await Client.GetFromJsonAsync<JsonElement>("/api/assets?type=stock&sort=-symbol");
        Assert.Equal(["MSFT", "AAPL"], Symbols(stocks));
        Assert.Equal(2, stocks.GetProperty("totalCount").GetInt64());

        var search = await Client.GetFromJsonAsync<JsonElement>("/api/assets?q=bit");
        Assert.Equal(["BTC-USD"], Symbols(search));
        var byName = await Client.GetFromJsonAsync<JsonElement>("/api/assets?q=treasury&source=APITEST");
        Assert.Equal(["DGS10"], Symbols(byName));

        var page2 = await Client.GetFromJsonAsync<JsonElement>("/api/assets?page=2&pageSize=3&sort=symbol");
        Assert.Equal(["MSFT"], Symbols(page2));
        Assert.Equal(4, page2.GetProperty("totalCount").GetInt64());
        Assert.Equal(2, page2.GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task Should_answer_bad_list_queries_with_400()
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?pageSize=501"), HttpStatusCode.BadRequest, "pageSize");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?page=0"), HttpStatusCode.BadRequest, "page");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?page=abc"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?sort=price"), HttpStatusCode.BadRequest, "sort");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?type=bonds"), HttpStatusCode.BadRequest, "type");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?interval=1d&since=yesterday"), HttpStatusCode.BadRequest, "since");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets?since=2024-01-01"), HttpStatusCode.BadRequest, "since");
    }

    [Fact]
    public async Task Should_list_only_assets_with_bars_at_the_interval_since_a_time()
    {
        var old = await _host.CreateAssetAsync("OLDCSV");
        var recent = await _host.CreateAssetAsync("EURUSD=X", "forex");
        var intraday = await _host.CreateAssetAsync("ETH-USD", "crypto");
        await _host.CreateAssetAsync("NOBARS");
        var t0 = new DateTime(2024, 6, 3, 0, 0, 0, DateTimeKind.Utc);
        await _host.InsertAsync([ApiHost.Bar(old, "1d", t0.AddYears(-10), 1, 1, 1, 1, 1), ApiHost.Bar(intraday, "5m", t0, 1, 1, 1, 1, 1)]);
        await _host.InsertAsync([new ForexRate { AssetId = recent, Interval = "1d", Time = t0, Open = 1.08, High = 1.08, Low = 1.08, Close = 1.08 }]);

        Assert.Equal(["EURUSD=X", "OLDCSV"], Symbols(await Client.GetFromJsonAsync<JsonElement>("/api/assets?interval=1d")));
        // An analysis of the last year offers only what has daily prices in it.
        Assert.Equal(["EURUSD=X"], Symbols(await Client.GetFromJsonAsync<JsonElement>("/api/assets?interval=1d&since=2024-01-01")));
        Assert.Equal(["ETH-USD"], Symbols(await Client.GetFromJsonAsync<JsonElement>("/api/assets?interval=5m&since=2024-06-03T00:00:00Z")));
    }

    [Fact]
    public async Task Should_refuse_bad_bodies_duplicates_and_unknown_sources()
    {
        var malformed = new StringContent("{\"symbol\": \"AAPL\",", Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/assets", malformed), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(
            await Client.PostAsJsonAsync("/api/assets", new { symbol = "", assetType = "stock", source = ApiHost.TestSource }),
            HttpStatusCode.BadRequest, "symbol");
        await ProblemAssert.IsProblemAsync(
            await Client.PostAsJsonAsync("/api/assets", new { symbol = "X", assetType = "shares", source = ApiHost.TestSource }),
            HttpStatusCode.BadRequest, "assetType");
        await ProblemAssert.IsProblemAsync(
            await Client.PostAsJsonAsync("/api/assets", new { symbol = "X", assetType = "stock", source = "nosuchsource" }),
            HttpStatusCode.UnprocessableEntity, "source");

        await _host.CreateAssetAsync("AAPL");
        await ProblemAssert.IsProblemAsync(
            await Client.PostAsJsonAsync("/api/assets", new { symbol = "AAPL", assetType = "stock", source = ApiHost.TestSource }),
            HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(
            await Client.PutAsJsonAsync("/api/assets/AAPL", new { symbol = "AAPL2", assetType = "stock", source = ApiHost.TestSource }),
            HttpStatusCode.BadRequest, "symbol");
        var malformedPut = new StringContent("[1,", Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblemAsync(await Client.PutAsync("/api/assets/AAPL", malformedPut), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_answer_unknown_symbols_with_404()
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/NOPE"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(
            await Client.PutAsJsonAsync("/api/assets/NOPE", new { assetType = "stock", source = ApiHost.TestSource }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.DeleteAsync("/api/assets/NOPE"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/NOPE/coverage"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/NOPE/collections"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_asset_a_scheduler_job_references()
    {
        await _host.CreateAssetAsync("AAPL");
        await _host.CreateAssetAsync("AAP");
        await _host.InsertAsync([new SchedulerJob
        {
            Id = Guid.NewGuid(), Name = "daily apple", Source = ApiHost.TestSource, Symbols = "[\"AAPL\",\"MSFT\"]", Interval = "1d",
            Mode = "incremental", ScheduleKind = "cron", CronExpression = "0 0 22 * * ?", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }]);

        var body = await ProblemAssert.IsProblemAsync(await Client.DeleteAsync("/api/assets/AAPL"), HttpStatusCode.Conflict);
        Assert.Contains("daily apple", body.GetProperty("detail").GetString());
        // "AAP" is a prefix of a referenced symbol, not referenced itself.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/assets/AAP")).StatusCode);
    }

    [Fact]
    public async Task Should_report_coverage_with_gaps_per_interval()
    {
        var crypto = await _host.CreateAssetAsync("BTC-USD", "crypto");
        var stock = await _host.CreateAssetAsync("AAPL");
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // 1m crypto bars with minutes 10..14 missing (5 bars); daily stock bars Mon 1 Jan .. Tue 16 Jan with Wed 10 Jan
        // missing. Monday 15 January is Martin Luther King Jr. Day on NYSE's calendar: no bar is due, so no gap.
        await _host.InsertAsync(Enumerable.Range(0, 30).Where(i => i is < 10 or > 14)
            .Select(i => ApiHost.Bar(crypto, "1m", t0.AddMinutes(i), 1, 1, 1, 1, 1)));
        await _host.InsertAsync(Enumerable.Range(0, 16).Select(d => t0.AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d.Day is not (10 or 15))
            .Select(d => ApiHost.Bar(stock, "1d", d, 1, 1, 1, 1, 1)));

        var c = (await Client.GetFromJsonAsync<JsonElement>("/api/assets/BTC-USD/coverage")).GetProperty("series")[0];
        Assert.Equal("1m", c.GetProperty("interval").GetString());
        Assert.Equal("market_data", c.GetProperty("table").GetString());
        Assert.Equal(25, c.GetProperty("rowCount").GetInt64());
        Assert.Equal(30, c.GetProperty("expectedBars").GetInt64());
        var gap = Assert.Single(c.GetProperty("gaps").EnumerateArray());
        Assert.Equal(t0.AddMinutes(9), gap.GetProperty("from").GetDateTime().ToUniversalTime());
        Assert.Equal(t0.AddMinutes(15), gap.GetProperty("to").GetDateTime().ToUniversalTime());
        Assert.Equal(5, gap.GetProperty("missingBars").GetInt64());

        var s = (await Client.GetFromJsonAsync<JsonElement>("/api/assets/AAPL/coverage")).GetProperty("series")[0];
        Assert.Equal(10, s.GetProperty("rowCount").GetInt64());
        Assert.Equal(11, s.GetProperty("expectedBars").GetInt64());
        var weekdayGap = Assert.Single(s.GetProperty("gaps").EnumerateArray());
        Assert.Equal(t0.AddDays(8), weekdayGap.GetProperty("from").GetDateTime().ToUniversalTime());
        Assert.Equal(1, weekdayGap.GetProperty("missingBars").GetInt64());
    }

    [Fact]
    public async Task Should_page_the_collection_history_newest_first()
    {
        await _host.CreateAssetAsync("AAPL");
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await _host.InsertAsync(Enumerable.Range(0, 3).Select(i => new DataCollectionLog
        {
            RequestId = Guid.NewGuid(), Symbol = "AAPL", Source = ApiHost.TestSource, Interval = "1d",
            Status = i == 2 ? "failed" : "succeeded", RecordsCollected = 10 * i, RecordsLoaded = 10 * i, StartedAt = start.AddDays(i),
            FinishedAt = start.AddDays(i).AddSeconds(5), DurationMs = 5000, ErrorClass = i == 2 ? "RateLimited" : null,
        }).Append(new DataCollectionLog
        {
            RequestId = Guid.NewGuid(), Symbol = "MSFT", Source = ApiHost.TestSource, Interval = "1d", Status = "succeeded", StartedAt = start,
        }));

        var page = await Client.GetFromJsonAsync<JsonElement>("/api/assets/AAPL/collections?pageSize=2");
        Assert.Equal(3, page.GetProperty("totalCount").GetInt64());
        var first = page.GetProperty("items")[0];
        Assert.Equal("failed", first.GetProperty("status").GetString());
        Assert.Equal("RateLimited", first.GetProperty("errorClass").GetString());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/AAPL/collections?pageSize=1000"), HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Should_find_a_symbol_whatever_its_case_and_answer_with_the_stored_spelling()
    {
        var stock = await _host.CreateAssetAsync("AAPL");
        await _host.CreateAssetAsync("EURUSD=X", "forex");
        await _host.InsertAsync([ApiHost.Bar(stock, "1d", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 1, 2, 0.5, 1.5, 10)]);

        Assert.Equal("AAPL", (await Client.GetFromJsonAsync<JsonElement>("/api/assets/aapl")).GetProperty("symbol").GetString());
        Assert.Equal("EURUSD=X", (await Client.GetFromJsonAsync<JsonElement>("/api/assets/eurusd%3Dx")).GetProperty("symbol").GetString());
        var bars = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/Aapl/bars?interval=1d&from=2024-01-01&to=2024-01-31");
        Assert.Equal(1.5, Assert.Single(bars.GetProperty("bars").EnumerateArray()).GetProperty("close").GetDouble());
        Assert.Equal(0, (await Client.GetFromJsonAsync<JsonElement>("/api/assets/aapl/collections")).GetProperty("totalCount").GetInt64());
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/assets/aapx"), HttpStatusCode.NotFound);
    }

    private static string[] Symbols(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("symbol").GetString()!).ToArray();
}

[Collection(IntegrationCollection.Name)]
public sealed class When_assets_are_managed_through_the_API_on_PostgreSQL() : When_assets_are_managed_through_the_API(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_assets_are_managed_through_the_API_on_SQLite() : When_assets_are_managed_through_the_API(ApiDatabase.Sqlite);
