using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Api;

public abstract class When_market_data_is_queried(ApiDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); // a Monday
    private ApiHost _host = null!;
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_resample_minute_bars_like_a_hand_aggregation()
    {
        var id = await _host.CreateAssetAsync("BTC-USD", "crypto");
        var bars = RandomWalk(id, "1m", Start.AddMinutes(3), TimeSpan.FromMinutes(1), 200).ToList();
        await _host.InsertAsync(bars);

        foreach (var (interval, minutes) in new[] { ("5m", 5), ("15m", 15), ("1h", 60) })
        {
            var expected = bars.GroupBy(b => Start.AddMinutes(Math.Floor((b.Time - Start).TotalMinutes / minutes) * minutes))
                .OrderBy(g => g.Key).Select(Aggregate).ToList();
            var body = await Client.GetFromJsonAsync<JsonElement>($"/api/market-data/BTC-USD/bars?interval={interval}");
            Assert.Equal("1m", body.GetProperty("baseInterval").GetString());
            AssertBars(expected, body);
        }

        var window = await Client.GetFromJsonAsync<JsonElement>(
            "/api/market-data/BTC-USD/bars?interval=5m&from=2024-01-01T00:10:00Z&to=2024-01-01T00:29:00Z");
        AssertBars(bars.Where(b => b.Time >= Start.AddMinutes(10) && b.Time <= Start.AddMinutes(29))
            .GroupBy(b => Start.AddMinutes(Math.Floor((b.Time - Start).TotalMinutes / 5) * 5)).Select(Aggregate).ToList(), window);

        var newest = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/BTC-USD/bars?interval=1m&limit=3");
        AssertBars(bars.TakeLast(3).Select(b => Aggregate(new[] { b }.GroupBy(x => x.Time).Single())).ToList(), newest);
    }

    [Fact]
    public async Task Should_resample_daily_bars_to_monday_weeks_and_calendar_months()
    {
        var id = await _host.CreateAssetAsync("ETH-USD", "crypto");
        var bars = RandomWalk(id, "1d", Start.AddDays(2), TimeSpan.FromDays(1), 75).ToList();
        await _host.InsertAsync(bars);

        var weeks = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/ETH-USD/bars?interval=1wk");
        AssertBars(bars.GroupBy(b => b.Time.Date.AddDays(-(((int)b.Time.DayOfWeek + 6) % 7))).Select(Aggregate).ToList(), weeks);

        var months = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/ETH-USD/bars?interval=1mo");
        AssertBars(bars.GroupBy(b => new DateTime(b.Time.Year, b.Time.Month, 1, 0, 0, 0, DateTimeKind.Utc)).Select(Aggregate).ToList(), months);
    }

    [Fact]
    public async Task Should_adjust_for_splits_and_dividends_so_a_split_is_no_crash()
    {
        var id = await _host.CreateAssetAsync("SPLT");
        // 400 for three days, a 4-for-1 split on day 3 (close 100), a dividend of 1 on day 5 (previous close 100).
        await _host.InsertAsync(new[]
        {
            ApiHost.Bar(id, "1d", Start, 400, 404, 396, 400, 1000),
            ApiHost.Bar(id, "1d", Start.AddDays(1), 400, 408, 392, 400, 1000),
            ApiHost.Bar(id, "1d", Start.AddDays(2), 100, 101, 99, 100, 4000, splits: 4),
            ApiHost.Bar(id, "1d", Start.AddDays(3), 100, 101, 99, 100, 4000),
            ApiHost.Bar(id, "1d", Start.AddDays(4), 99, 100, 98, 99, 4000, dividends: 1),
        });

        var raw = Closes(await Client.GetFromJsonAsync<JsonElement>("/api/market-data/SPLT/bars"));
        Assert.Equal([400, 400, 100, 100, 99], raw);

        var split = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/SPLT/bars?adjust=split");
        Assert.Equal([100, 100, 100, 100, 99], Closes(split));
        Assert.Equal(4000, split.GetProperty("bars")[0].GetProperty("volume").GetDouble());
        Assert.Equal(102, split.GetProperty("bars")[1].GetProperty("high").GetDouble(), 9);

        var total = Closes(await Client.GetFromJsonAsync<JsonElement>("/api/market-data/SPLT/bars?adjust=total-return"));
        Assert.Equal([99, 99, 99, 99, 99], total.Select(c => Math.Round(c, 9)).ToArray());

        // Adjusted before resampling: the week holding the split has no false low.
        var week = (await Client.GetFromJsonAsync<JsonElement>("/api/market-data/SPLT/bars?interval=1wk&adjust=split")).GetProperty("bars")[0];
        Assert.Equal(98, week.GetProperty("low").GetDouble(), 9);
        Assert.Equal(100, week.GetProperty("open").GetDouble(), 9);
        Assert.Equal(4000 * 5, week.GetProperty("volume").GetDouble(), 6);
    }

    [Fact]
    public async Task Should_list_dividends_and_splits_once_per_day_for_chart_markers()
    {
        var id = await _host.CreateAssetAsync("ACTS");
        await _host.InsertAsync(new[]
        {
            ApiHost.Bar(id, "1d", Start, 400, 404, 396, 400, 1000),
            ApiHost.Bar(id, "1d", Start.AddDays(2), 100, 101, 99, 100, 4000, splits: 4),
            // The same split on an intraday row of that day is one action, not two.
            ApiHost.Bar(id, "1h", Start.AddDays(2).AddHours(15), 100, 101, 99, 100, 400, splits: 4),
            ApiHost.Bar(id, "1d", Start.AddDays(4), 99, 100, 98, 99, 4000, dividends: 0.25),
        });

        var all = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/ACTS/corporate-actions");
        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal(Start.AddDays(2), all[0].GetProperty("date").GetDateTime().ToUniversalTime());
        Assert.Equal(4, all[0].GetProperty("split").GetDouble());
        Assert.Equal(JsonValueKind.Null, all[0].GetProperty("dividend").ValueKind);
        Assert.Equal(0.25, all[1].GetProperty("dividend").GetDouble());
        Assert.Equal(JsonValueKind.Null, all[1].GetProperty("split").ValueKind);

        var window = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/ACTS/corporate-actions?from=2024-01-04&to=2024-01-10");
        Assert.Equal(1, window.GetArrayLength());
        Assert.Equal(0.25, window[0].GetProperty("dividend").GetDouble());

        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/ACTS/corporate-actions?from=soon"), HttpStatusCode.BadRequest, "from");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/NOPE/corporate-actions"), HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Should_answer_csv_or_json_by_accept_header_or_format()
    {
        var id = await _host.CreateAssetAsync("AAPL");
        await _host.InsertAsync([ApiHost.Bar(id, "1d", Start, 1.5, 2.25, 1, 2, 100), ApiHost.Bar(id, "1d", Start.AddDays(1), 2, 3, 1.75, 2.5, 200)]);

        var byFormat = await Client.GetAsync("/api/market-data/AAPL/bars?format=csv");
        Assert.Equal("text/csv", byFormat.Content.Headers.ContentType?.MediaType);
        var lines = (await byFormat.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("time,open,high,low,close,adjClose,volume", lines[0]);
        Assert.Equal("2024-01-01T00:00:00Z,1.5,2.25,1,2,2,100", lines[1]);
        Assert.Equal(3, lines.Length);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/market-data/AAPL/bars");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await Client.SendAsync(request);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);

        var json = await Client.GetAsync("/api/market-data/AAPL/bars?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "\"bars\":[{\"time\":\"2024-01-01T00:00:00Z\",\"open\":1.5,\"high\":2.25,\"low\":1,\"close\":2,\"adjClose\":2,\"volume\":100},"
            + "{\"time\":\"2024-01-02T00:00:00Z\",\"open\":2,\"high\":3,\"low\":1.75,\"close\":2.5,\"adjClose\":2.5,\"volume\":200}]}",
            await json.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_serve_rates_and_economic_series_as_bars()
    {
        var fx = await _host.CreateAssetAsync("EURUSD=X", "forex");
        var bond = await _host.CreateAssetAsync("DGS10", "bond");
        var cpi = await _host.CreateAssetAsync("CPIAUCSL", "economic_indicator");
        await _host.InsertAsync([
            new ForexRate { AssetId = fx, Interval = "1d", Time = Start, Open = 1.1, High = 1.2, Low = 1.0, Close = 1.15 },
            new ForexRate { AssetId = fx, Interval = "1d", Time = Start.AddDays(1), Open = 1.15, High = 1.3, Low = 1.1, Close = 1.25 }]);
        await _host.InsertAsync([new BondRate { AssetId = bond, Interval = "1d", Time = Start, Rate = 4.05 }]);
        await _host.InsertAsync([
            new EconomicObservation { AssetId = cpi, Interval = "1mo", Time = Start, Value = 308.4 },
            new EconomicObservation { AssetId = cpi, Interval = "1mo", Time = Start.AddMonths(1), Value = 309.7 }]);

        var fxWeek = (await Client.GetFromJsonAsync<JsonElement>("/api/market-data/EURUSD%3DX/bars?interval=1wk")).GetProperty("bars")[0];
        Assert.Equal(1.1, fxWeek.GetProperty("open").GetDouble());
        Assert.Equal(1.3, fxWeek.GetProperty("high").GetDouble());
        Assert.Equal(1.25, fxWeek.GetProperty("close").GetDouble());
        Assert.Equal(JsonValueKind.Null, fxWeek.GetProperty("volume").ValueKind);

        var yield = (await Client.GetFromJsonAsync<JsonElement>("/api/market-data/DGS10/bars")).GetProperty("bars")[0];
        Assert.Equal(4.05, yield.GetProperty("open").GetDouble());
        Assert.Equal(4.05, yield.GetProperty("close").GetDouble());

        var latest = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/CPIAUCSL/latest?interval=1mo");
        Assert.Equal(309.7, latest.GetProperty("close").GetDouble());
        Assert.Equal(308.4, latest.GetProperty("previousClose").GetDouble());
        // Monthly observations cannot make daily bars.
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/CPIAUCSL/bars?interval=1d"),
            HttpStatusCode.UnprocessableEntity, "interval");
    }

    [Fact]
    public async Task Should_serve_latest_bar_and_watchlist()
    {
        var id = await _host.CreateAssetAsync("AAPL");
        await _host.CreateAssetAsync("EMPTY");
        await _host.InsertAsync(RandomWalk(id, "1d", Start, TimeSpan.FromDays(1), 40).ToList());
        var all = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/AAPL/bars");
        var closes = Closes(all);

        var latest = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/AAPL/latest");
        Assert.Equal(closes[^1], latest.GetProperty("close").GetDouble());
        Assert.Equal(closes[^2], latest.GetProperty("previousClose").GetDouble());
        Assert.Equal(closes[^1] - closes[^2], latest.GetProperty("change").GetDouble(), 9);
        Assert.Equal((closes[^1] - closes[^2]) / closes[^2] * 100, latest.GetProperty("changePercent").GetDouble(), 9);

        var watchlist = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/watchlist?symbols=AAPL,EMPTY");
        Assert.Equal(2, watchlist.GetArrayLength());
        var aapl = watchlist[0];
        Assert.Equal("AAPL", aapl.GetProperty("symbol").GetString());
        Assert.Equal(closes[^1], aapl.GetProperty("last").GetDouble());
        Assert.Equal(closes.TakeLast(30).ToArray(), aapl.GetProperty("sparkline").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.Equal(JsonValueKind.Null, watchlist[1].GetProperty("last").ValueKind);

        var everything = await Client.GetFromJsonAsync<JsonElement>("/api/market-data/watchlist");
        Assert.Equal(2, everything.GetArrayLength());

        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/EMPTY/latest"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/NOPE/latest"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/AAPL/latest?interval=2d"), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/api/market-data/watchlist?symbols=AAPL,NOPE"), HttpStatusCode.NotFound);
        var tooMany = string.Join(",", Enumerable.Range(0, 51).Select(i => $"S{i}"));
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/market-data/watchlist?symbols={tooMany}"), HttpStatusCode.BadRequest, "symbols");
    }

    private static IEnumerable<MarketBar> RandomWalk(long assetId, string interval, DateTime first, TimeSpan step, int count)
    {
        var random = new Random(42);
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open + random.NextDouble() * 4 - 2, 4);
            var high = Math.Round(Math.Max(open, close) + random.NextDouble(), 4);
            var low = Math.Round(Math.Min(open, close) - random.NextDouble(), 4);
            price = close;
            yield return ApiHost.Bar(assetId, interval, first + step * i, open, high, low, close, random.Next(1, 1000));
        }
    }

    private static (DateTime Time, double Open, double High, double Low, double Close, double Volume) Aggregate(IGrouping<DateTime, MarketBar> g)
    {
        var ordered = g.OrderBy(b => b.Time).ToList();
        return (g.Key, ordered[0].Open, ordered.Max(b => b.High), ordered.Min(b => b.Low), ordered[^1].Close, ordered.Sum(b => b.Volume!.Value));
    }

    private static void AssertBars(IReadOnlyList<(DateTime Time, double Open, double High, double Low, double Close, double Volume)> expected, JsonElement body)
    {
        var actual = body.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(e.Time, DateTime.Parse(a.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
            Assert.Equal(e.Open, a.GetProperty("open").GetDouble());
            Assert.Equal(e.High, a.GetProperty("high").GetDouble());
            Assert.Equal(e.Low, a.GetProperty("low").GetDouble());
            Assert.Equal(e.Close, a.GetProperty("close").GetDouble());
            Assert.Equal(e.Volume, a.GetProperty("volume").GetDouble());
        }
    }

    private static double[] Closes(JsonElement body) =>
        body.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("close").GetDouble()).ToArray();
}

[Collection(IntegrationCollection.Name)]
public sealed class When_market_data_is_queried_on_PostgreSQL() : When_market_data_is_queried(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_market_data_is_queried_on_SQLite() : When_market_data_is_queried(ApiDatabase.Sqlite);

/// <summary>A stock with one daily bar, for the bar queries that must be refused.</summary>
public abstract class OneBarHost(ApiDatabase database) : SharedApiHost(database)
{
    protected override async Task SeedAsync(ApiHost host)
    {
        var id = await host.CreateAssetAsync("AAPL");
        await host.InsertAsync([ApiHost.Bar(id, "1d", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, 1, 1, 1, 1)]);
    }
}

public sealed class PostgresOneBarHost() : OneBarHost(ApiDatabase.Postgres);

public sealed class SqliteOneBarHost() : OneBarHost(ApiDatabase.Sqlite);

public abstract class When_bar_queries_are_bad(OneBarHost host)
{
    [Theory]
    [InlineData("/api/market-data/NOPE/bars", HttpStatusCode.NotFound, null)]
    [InlineData("/api/market-data/AAPL/bars?from=2024-13-45", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/market-data/AAPL/bars?to=yesterday", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/market-data/AAPL/bars?from=2024-02-01&to=2024-01-01", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/market-data/AAPL/bars?interval=2h", HttpStatusCode.UnprocessableEntity, "interval")]
    [InlineData("/api/market-data/AAPL/bars?interval=1m", HttpStatusCode.UnprocessableEntity, "interval")]
    [InlineData("/api/market-data/AAPL/bars?adjust=dividends", HttpStatusCode.BadRequest, "adjust")]
    [InlineData("/api/market-data/AAPL/bars?format=xml", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/market-data/AAPL/bars?limit=0", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/market-data/AAPL/bars?limit=many", HttpStatusCode.BadRequest, null)]
    public async Task Should_answer_bad_bar_queries_with_a_precise_4xx(string url, HttpStatusCode status, string? field)
    {
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync(url), status, field);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_bar_queries_are_bad_on_PostgreSQL(PostgresOneBarHost host) : When_bar_queries_are_bad(host), IClassFixture<PostgresOneBarHost>;

[Collection(IntegrationCollection.Name)]
public sealed class When_bar_queries_are_bad_on_SQLite(SqliteOneBarHost host) : When_bar_queries_are_bad(host), IClassFixture<SqliteOneBarHost>;
