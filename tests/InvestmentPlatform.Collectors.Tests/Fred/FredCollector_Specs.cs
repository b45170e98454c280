using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.Payloads;

namespace InvestmentPlatform.Collectors.Tests.Fred;

public sealed class When_collecting_from_fred : LoopbackCollectorSpecs
{
    private Task<List<CollectedBatch>> Collect(string symbol, string interval = "1d", ServiceProvider? services = null) =>
        (services ?? Services).Collector("fred").CollectAllAsync(new CollectorRequest(symbol, null, interval, Utc(2024, 1, 1), Utc(2024, 1, 8)));

    private static Task Fred(HttpContext ctx) => ctx.Request.Path.Value switch
    {
        "/fred/series" => Reply.Json(ctx, FredSeries("DGS10", "Market Yield on U.S. Treasury Securities at 10-Year Constant Maturity", "Daily", "Percent")),
        "/fred/series/observations" => Reply.Json(ctx, FredObservations([("2024-01-01", "."), ("2024-01-02", "3.95"), ("2024-01-03", "3.91"), ("2024-01-04", "3.99")])),
        _ => Reply.Json(ctx, FredError(404, "Not Found"), 404),
    };

    [Fact]
    public async Task Should_read_observations_dropping_missing_values_and_keep_frequency_and_units()
    {
        Server.Handler = (ctx, _) => Fred(ctx);

        var batch = Assert.Single(await Collect("DGS10"));

        Assert.Equal([Utc(2024, 1, 2), Utc(2024, 1, 3), Utc(2024, 1, 4)], batch.Rows.Select(r => r.Time));
        Assert.Equal(new SeriesRow(Utc(2024, 1, 2), 3.95, 3.95, 3.95, 3.95), batch.Rows[0]);
        Assert.Equal("bond", batch.Asset.AssetType);
        Assert.Equal("Daily", batch.Asset.Metadata["frequency"]);
        Assert.Equal("Percent", batch.Asset.Metadata["units"]);
        Assert.StartsWith("Market Yield", batch.Asset.Name);
        var observations = Server.Hits.Single(h => h.Path == "/fred/series/observations");
        Assert.Equal(("DGS10", "test-key", "json", "2024-01-01", "2024-01-07"),
            (observations.Query["series_id"].ToString(), observations.Query["api_key"].ToString(), observations.Query["file_type"].ToString(),
             observations.Query["observation_start"].ToString(), observations.Query["observation_end"].ToString()));
    }

    [Fact]
    public async Task Should_ask_fred_to_aggregate_monthly_bars()
    {
        Server.Handler = (ctx, _) => Fred(ctx);

        var batch = Assert.Single(await Collect("DGS10", "1mo"));

        var observations = Server.Hits.Single(h => h.Path == "/fred/series/observations");
        Assert.Equal("m", observations.Query["frequency"]);
        Assert.False(observations.Query.ContainsKey("realtime_start"));
        Assert.Null(batch.Vintages);
    }

    [Fact]
    public async Task Should_keep_every_published_value_as_a_vintage_and_take_the_current_ones_as_rows()
    {
        // 2024-01-02 was first published as 3.90 and revised to 3.95 on 2024-01-10; 2024-01-03 was never revised;
        // 2024-01-04 was published, then withdrawn ('.') by its revision.
        Server.Handler = (ctx, _) => ctx.Request.Path.Value == "/fred/series/observations"
            ? Reply.Json(ctx, FredVintages([
                ("2024-01-02", "3.90", "2024-01-03", "2024-01-09"),
                ("2024-01-02", "3.95", "2024-01-10", "9999-12-31"),
                ("2024-01-03", "3.91", "2024-01-04", "9999-12-31"),
                ("2024-01-04", "4.10", "2024-01-05", "2024-01-11"),
                ("2024-01-04", ".", "2024-01-12", "9999-12-31"),
            ]))
            : Fred(ctx);

        var batch = Assert.Single(await Collect("DGS10"));

        Assert.Equal([(Utc(2024, 1, 2), 3.95), (Utc(2024, 1, 3), 3.91)], batch.Rows.Select(r => (r.Time, r.Close)));
        Assert.Equal(
            [
                new SeriesVintage(Utc(2024, 1, 2), Utc(2024, 1, 3), Utc(2024, 1, 9), 3.90),
                new SeriesVintage(Utc(2024, 1, 2), Utc(2024, 1, 10), null, 3.95),
                new SeriesVintage(Utc(2024, 1, 3), Utc(2024, 1, 4), null, 3.91),
                new SeriesVintage(Utc(2024, 1, 4), Utc(2024, 1, 5), Utc(2024, 1, 11), 4.10),
            ],
            batch.Vintages!);
        var observations = Server.Hits.Single(h => h.Path == "/fred/series/observations");
        Assert.Equal(("1776-07-04", "9999-12-31"), (observations.Query["realtime_start"].ToString(), observations.Query["realtime_end"].ToString()));
    }

    [Fact]
    public async Task Should_fail_as_authentication_on_a_bad_api_key()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, FredError(400,
            "Bad Request.  The value for variable api_key is not registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information."), 400);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("DGS10"));

        Assert.Equal(ErrorClass.Authentication, ex.ErrorClass);
        Assert.Contains("api_key is not registered", ex.ProviderMessage);
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_fail_as_not_found_for_an_unknown_series()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, FredError(400, "Bad Request.  The series does not exist."), 400);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("NOSUCH"));

        Assert.Equal(ErrorClass.NotFound, ex.ErrorClass);
        Assert.Contains("The series does not exist", ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_fail_as_authentication_without_calling_fred_when_no_key_is_set()
    {
        await using var services = CollectorServices.Build(Server, new Dictionary<string, string?> { ["Sources:Fred:ApiKey"] = "" });
        var saved = Environment.GetEnvironmentVariable("FRED_API_KEY");
        Environment.SetEnvironmentVariable("FRED_API_KEY", null);
        try
        {
            var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("DGS10", services: services));

            Assert.Equal(ErrorClass.Authentication, ex.ErrorClass);
            Assert.Contains("FRED_API_KEY", ex.ProviderMessage);
            Assert.Empty(Server.Hits);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FRED_API_KEY", saved);
        }
    }

    [Fact]
    public async Task Should_retry_a_429_from_fred_as_rate_limited()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, FredError(429, "Too Many Requests.  Exceeded Rate Limit"), 429);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("DGS10"));

        Assert.Equal(ErrorClass.RateLimited, ex.ErrorClass);
        Assert.Contains("Exceeded Rate Limit", ex.ProviderMessage);
        Assert.Equal(4, Server.Hits.Count);
    }

    [Fact]
    public async Task Should_fail_as_bad_payload_on_truncated_observations()
    {
        Server.Handler = (ctx, _) => ctx.Request.Path.Value == "/fred/series"
            ? Fred(ctx)
            : Reply.Json(ctx, "{\"count\":3,\"offset\":0,\"limit\":100000,\"observations\":[{\"date\":\"2024-01-02\",\"val");

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("DGS10"));

        Assert.Equal(ErrorClass.BadPayload, ex.ErrorClass);
        Assert.Equal(2, Server.Hits.Count);
    }

    [Fact]
    public async Task Should_retry_a_server_error_then_succeed()
    {
        Server.Handler = (ctx, n) => n == 2 ? Reply.Text(ctx, "<html>Internal Server Error</html>", 500) : Fred(ctx);

        var batch = Assert.Single(await Collect("DGS10"));

        Assert.Equal(3, batch.Rows.Count);
        Assert.Equal(3, Server.Hits.Count);
    }

    [Fact]
    public async Task Should_return_nothing_for_an_empty_range()
    {
        Server.Handler = (ctx, _) => ctx.Request.Path.Value == "/fred/series" ? Fred(ctx) : Reply.Json(ctx, FredObservations([]));

        Assert.Empty(await Collect("DGS10"));
    }
}
