using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Reports;

/// <summary>Bulk exports read back with the libraries a notebook uses, against the JSON endpoint for the same query.</summary>
public abstract class When_bars_are_exported_for_notebooks(ApiDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private ApiHost _host = null!;
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SeedAsync(string symbol, int days, int seed, string assetType = "stock")
    {
        var id = await _host.CreateAssetAsync(symbol, assetType);
        var random = new Random(seed);
        var price = 100.0;
        var bars = new List<MarketBar>();
        for (var i = 0; i < days; i++)
        {
            var close = Math.Round(price * (1 + (random.NextDouble() - 0.5) / 20), 4);
            var bar = ApiHost.Bar(id, "1d", Start.AddDays(i), price, Math.Max(price, close) + 0.5, Math.Min(price, close) - 0.5, close, random.Next(1, 10_000));
            // Some bars have no adjusted close or volume: the files must keep them as nulls, not zeros.
            if (i % 7 == 3)
            {
                bar.AdjClose = null;
                bar.Volume = null;
            }
            bars.Add(bar);
            price = close;
        }
        await _host.InsertAsync(bars);
    }

    private async Task<List<FileBar>> JsonBarsAsync(string symbol, string query)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>($"/api/market-data/{Uri.EscapeDataString(symbol)}/bars?{query}");
        return body.GetProperty("bars").EnumerateArray().Select(b => new FileBar(symbol,
            DateTime.Parse(b.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            Number(b, "open"), Number(b, "high"), Number(b, "low"), Number(b, "close"), Number(b, "adjClose"), Number(b, "volume"))).ToList();

        static double? Number(JsonElement bar, string name) =>
            bar.GetProperty(name).ValueKind == JsonValueKind.Null ? null : bar.GetProperty(name).GetDouble();
    }

    private async Task<byte[]> DownloadAsync(string url, string contentType)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertSameBars(IReadOnlyList<FileBar> expected, IReadOnlyList<FileBar> actual, bool withSymbol)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(DateTimeKind.Utc, actual[i].Time.Kind);
            Assert.Equal(withSymbol ? expected[i] : expected[i] with { Symbol = null }, actual[i]);
        }
    }

    [Fact]
    public async Task Should_export_one_symbols_bars_as_parquet_and_arrow_equal_to_the_json_answer()
    {
        await SeedAsync("AAPL", 150, 1);
        const string query = "interval=1wk&from=2024-01-15&to=2024-05-01&adjust=split";
        var expected = await JsonBarsAsync("AAPL", query);
        Assert.True(expected.Count > 10);

        var parquet = await ColumnarFile.ReadParquetAsync(
            await DownloadAsync($"/api/market-data/AAPL/bars?{query}&format=parquet", "application/vnd.apache.parquet"));
        Assert.Equal(
            [("time", "timestamp(utc=True,Micros)"), ("open", "Double?"), ("high", "Double?"), ("low", "Double?"), ("close", "Double?"),
             ("adj_close", "Double?"), ("volume", "Double?")],
            parquet.Schema);
        AssertSameBars(expected, parquet.Bars, withSymbol: false);
        Assert.Equal("1wk", parquet.Metadata["interval"]);
        Assert.Equal("AAPL", parquet.Metadata["symbols"]);
        Assert.Equal("", parquet.Metadata["synthetic"]);

        var arrow = await ColumnarFile.ReadArrowAsync(
            await DownloadAsync($"/api/market-data/AAPL/bars?{query}&format=arrow", "application/vnd.apache.arrow.stream"));
        Assert.Equal(
            [("time", "timestamp(Microsecond,UTC)"), ("open", "double?"), ("high", "double?"), ("low", "double?"), ("close", "double?"),
             ("adj_close", "double?"), ("volume", "double?")],
            arrow.Schema);
        AssertSameBars(expected, arrow.Bars, withSymbol: false);
        Assert.Equal("split", arrow.Metadata["adjust"]);
    }

    [Fact]
    public async Task Should_export_several_symbols_as_one_long_table_across_blocks()
    {
        // More rows than one block, so the files hold several row groups / record batches.
        await SeedAsync("BTC-USD", 40_000, 2, "crypto");
        await SeedAsync("=EVIL", 30, 3);
        var expected = (await JsonBarsAsync("BTC-USD", "")).Concat(await JsonBarsAsync("=EVIL", "")).ToList();
        Assert.Equal(40_030, expected.Count);

        var url = "/api/market-data/export?symbols=BTC-USD,%3DEVIL&interval=1d";
        var parquet = await ColumnarFile.ReadParquetAsync(await DownloadAsync(url, "application/vnd.apache.parquet"));
        Assert.Equal(("symbol", "utf8"), parquet.Schema[0]);
        AssertSameBars(expected, parquet.Bars, withSymbol: true);

        var arrow = await ColumnarFile.ReadArrowAsync(await DownloadAsync(url + "&format=arrow", "application/vnd.apache.arrow.stream"));
        Assert.Equal(("symbol", "utf8"), arrow.Schema[0]);
        AssertSameBars(expected, arrow.Bars, withSymbol: true);

        var csv = System.Text.Encoding.UTF8.GetString(await DownloadAsync(url + "&format=csv&from=2024-01-01&to=2024-01-02", "text/csv")).Split('\n');
        Assert.Equal("symbol,time,open,high,low,close,adjClose,volume", csv[0]);
        Assert.StartsWith("BTC-USD,2024-01-01T00:00:00Z,100,", csv[1]);
        // A symbol that a spreadsheet would run as a formula comes out as text.
        Assert.StartsWith("'=EVIL,2024-01-01T00:00:00Z,100,", csv[3]);
        Assert.Equal(6, csv.Length); // header, 2 × 2 rows, the empty string after the last line feed
    }

    [Fact]
    public async Task Should_escape_text_cells_of_the_transactions_export()
    {
        await SeedAsync("AAPL", 10, 4);
        var created = await Client.PostAsJsonAsync("/api/portfolios", new { name = "notes", baseCurrency = "USD" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (day, note) in new[] { (1, "=HYPERLINK(\"http://x\",\"y\")"), (2, "+1"), (3, "-2, said \"me\""), (4, "@SUM(A1)"), (5, "plain") })
        {
            var tx = await Client.PostAsJsonAsync($"/api/portfolios/{id}/transactions",
                new { type = day == 1 ? "deposit" : "buy", symbol = day == 1 ? null : "AAPL", time = Start.AddDays(day - 1), amount = 10_000, quantity = 1, price = 100, note });
            Assert.True(tx.IsSuccessStatusCode, await tx.Content.ReadAsStringAsync());
        }

        var lines = System.Text.Encoding.UTF8.GetString(await DownloadAsync($"/api/portfolios/{id}/transactions/export", "text/csv"))
            .TrimEnd('\n').Split('\n');
        Assert.Equal("type,symbol,time,quantity,price,amount,fee,currency,note", lines[0]);
        Assert.Equal("deposit,,2024-01-01T00:00:00Z,0,0,10000,0,USD,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", lines[1]);
        Assert.EndsWith(",USD,'+1", lines[2]);
        Assert.EndsWith(",USD,\"'-2, said \"\"me\"\"\"", lines[3]);
        Assert.EndsWith(",USD,'@SUM(A1)", lines[4]);
        Assert.Equal("buy,AAPL,2024-01-05T00:00:00Z,1,100,0,0,USD,plain", lines[5]);

        var window = System.Text.Encoding.UTF8.GetString(await DownloadAsync($"/api/portfolios/{id}/transactions/export?from=2024-01-02&to=2024-01-03", "text/csv"));
        Assert.Equal(3, window.TrimEnd('\n').Split('\n').Length);

        // Someone else's portfolio does not exist for them; bad input is a ProblemDetails.
        var viewer = _host.WithToken(await _host.CreateUserAsync("reader", "viewer"));
        await ProblemAssert.IsProblemAsync(await viewer.GetAsync($"/api/portfolios/{id}/transactions/export"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{Guid.NewGuid()}/transactions/export"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{id}/transactions/export?format=xlsx"), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/portfolios/{id}/transactions/export?from=soon"), HttpStatusCode.BadRequest, "from");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().GetAsync($"/api/portfolios/{id}/transactions/export")).StatusCode);
    }

    [Fact]
    public async Task Should_need_a_credential_for_every_export()
    {
        await SeedAsync("AAPL", 3, 6);
        var anonymous = _host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/market-data/export?symbols=AAPL")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/market-data/AAPL/bars?format=parquet")).StatusCode);
        var viewer = _host.WithToken(await _host.CreateUserAsync("quant", "viewer"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/market-data/export?symbols=AAPL&format=arrow")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_bars_are_exported_for_notebooks_on_PostgreSQL() : When_bars_are_exported_for_notebooks(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_bars_are_exported_for_notebooks_on_SQLite() : When_bars_are_exported_for_notebooks(ApiDatabase.Sqlite);

public abstract class When_export_queries_are_bad(OneBarHost host)
{
    [Theory]
    [InlineData("/api/market-data/export?interval=1d", HttpStatusCode.BadRequest, "symbols")]
    [InlineData("/api/market-data/export?symbols=AAPL&format=xml", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/market-data/export?symbols=AAPL&format=json", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/market-data/export?symbols=AAPL&from=2024-02-01&to=2024-01-01", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/market-data/export?symbols=AAPL,NOPE", HttpStatusCode.NotFound, null)]
    [InlineData("/api/market-data/export?symbols=AAPL&interval=2h", HttpStatusCode.UnprocessableEntity, "interval")]
    [InlineData("/api/market-data/export?symbols=AAPL&interval=1m", HttpStatusCode.UnprocessableEntity, "interval")]
    [InlineData("/api/market-data/AAPL/bars?format=feather", HttpStatusCode.BadRequest, "format")]
    public async Task Should_answer_bad_export_queries_with_a_problem(string url, HttpStatusCode status, string? field)
    {
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync(url), status, field);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_export_queries_are_bad_on_PostgreSQL(PostgresOneBarHost host) : When_export_queries_are_bad(host), IClassFixture<PostgresOneBarHost>;

[Collection(IntegrationCollection.Name)]
public sealed class When_export_queries_are_bad_on_SQLite(SqliteOneBarHost host) : When_export_queries_are_bad(host), IClassFixture<SqliteOneBarHost>;
