using System.Diagnostics;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.Payloads;

namespace InvestmentPlatform.Collectors.Tests.Yahoo;

public sealed class When_collecting_from_yahoo : LoopbackCollectorSpecs
{
    private Task<List<CollectedBatch>> Collect(string symbol, string interval, DateTime from, DateTime to, string? type = null) =>
        Services.Collector("yahoo").CollectAllAsync(new CollectorRequest(symbol, type, interval, from, to));

    private static readonly Bar[] Week =
    [
        new(Utc(2024, 1, 2, 14, 30), 187.15, 188.44, 183.89, 185.64, 82488700, 184.94),
        new(Utc(2024, 1, 3, 14, 30), null, null, null, null, null),
        new(Utc(2024, 1, 4, 14, 30), 182.15, 183.09, 180.88, 181.91, 71983600, 181.22),
        new(Utc(2024, 1, 5, 14, 30), 181.99, 182.76, 180.17, 181.18, 62303300, 180.50),
    ];

    [Fact]
    public async Task Should_read_daily_bars_dropping_null_entries_and_dating_them_by_exchange_day()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooChart("AAPL", Week));

        var batch = Assert.Single(await Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal([Utc(2024, 1, 2), Utc(2024, 1, 4), Utc(2024, 1, 5)], batch.Rows.Select(r => r.Time));
        Assert.Equal(new SeriesRow(Utc(2024, 1, 2), 187.15, 188.44, 183.89, 185.64, 184.94, 82488700), batch.Rows[0]);
        Assert.Empty(batch.Rejected);
        Assert.Equal("USD", batch.Asset.Currency);
        Assert.Equal("stock", batch.Asset.AssetType);
        Assert.Equal("America/New_York", batch.Asset.Metadata["exchangeTimezone"]);
        Assert.Equal(2, AssetMetadata.PriceDecimalsIn(batch.Asset.Metadata)); // the chart's priceHint
        var hit = Assert.Single(Server.Hits);
        Assert.Equal("/v8/finance/chart/AAPL", hit.Path);
        Assert.Equal("1d", hit.Query["interval"]);
        Assert.Equal(Unix(Utc(2024, 1, 1)).ToString(), hit.Query["period1"]);
    }

    [Fact]
    public async Task Should_capture_dividends_and_splits_from_events()
    {
        var events = $$$"""
            "dividends":{"{{{Unix(Utc(2024, 1, 4, 14, 30))}}}":{"amount":0.24,"date":{{{Unix(Utc(2024, 1, 4, 14, 30))}}}}},
            "splits":{"{{{Unix(Utc(2024, 1, 5, 14, 30))}}}":{"date":{{{Unix(Utc(2024, 1, 5, 14, 30))}}},"numerator":4,"denominator":1,"splitRatio":"4:1"}}
            """;
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooChart("AAPL", Week, events: events));

        var rows = Assert.Single(await Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6))).Rows;

        Assert.Equal([0, 0.24, 0], rows.Select(r => r.Dividends));
        Assert.Equal([0, 0, 4], rows.Select(r => r.StockSplits));
    }

    [Fact]
    public async Task Should_keep_prices_quoted_in_pence_as_pence_with_the_minor_unit_as_the_currency()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooChart("VOD.L", [new(Utc(2024, 1, 2, 8), 7000, 7100, 6900, 7050, 1000, 7040)],
            currency: "GBp", timezone: "Europe/London", gmtoffset: 0));

        var batch = Assert.Single(await Collect("VOD.L", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal("GBp", batch.Asset.Currency);
        Assert.False(batch.Asset.Metadata.ContainsKey("priceScale"));
        var row = Assert.Single(batch.Rows);
        Assert.Equal((7000, 7100, 6900, 7050, 7040), (row.Open, row.High, row.Low, row.Close, row.AdjClose!.Value));
        Assert.Equal(1000, row.Volume);
    }

    [Fact]
    public async Task Should_split_minute_ranges_into_allowed_windows_within_the_history_limit()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooChart("EURUSD=X", [], instrument: "CURRENCY"));
        var to = DateTime.UtcNow.Date;

        var batches = await Collect("EURUSD=X", "1m", to.AddDays(-60), to);

        Assert.Empty(batches);
        var windows = Server.Hits.Select(h => (From: long.Parse(h.Query["period1"]!), To: long.Parse(h.Query["period2"]!))).ToList();
        Assert.Equal(5, windows.Count);
        Assert.All(windows, w => Assert.True(w.To - w.From <= 7 * 86400));
        Assert.True(windows[0].From >= Unix(DateTime.UtcNow.AddDays(-30).AddMinutes(-1)), "the first window starts within the 30-day limit");
        Assert.Equal(Unix(to), windows[^1].To);
    }

    [Fact]
    public async Task Should_fail_as_not_found_with_yahoos_message_for_an_unknown_symbol()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooError("Not Found", "No data found, symbol may be delisted"), 404);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("NOPE", "1d", Utc(2024, 1, 1), Utc(2024, 2, 1)));

        Assert.Equal(ErrorClass.NotFound, ex.ErrorClass);
        Assert.Contains("No data found, symbol may be delisted", ex.ProviderMessage);
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_fail_as_bad_request_when_yahoo_rejects_the_parameters()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, YahooError("Unprocessable Entity", "1m data not available for startTime=1. The requested range must be within the last 30 days."), 422);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 2, 1)));

        Assert.Equal(ErrorClass.BadRequest, ex.ErrorClass);
        Assert.Contains("within the last 30 days", ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_wait_for_retry_after_on_429_then_succeed()
    {
        Server.Handler = (ctx, n) =>
        {
            if (n > 1) return Reply.Json(ctx, YahooChart("AAPL", Week));
            ctx.Response.Headers.RetryAfter = "1";
            return Reply.Text(ctx, "Too Many Requests", 429);
        };
        var clock = Stopwatch.StartNew();

        var batch = Assert.Single(await Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal(3, batch.Rows.Count);
        Assert.Equal(2, Server.Hits.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_retry_a_server_error_then_succeed()
    {
        Server.Handler = (ctx, n) => n == 1 ? Reply.Text(ctx, "upstream broke", 500) : Reply.Json(ctx, YahooChart("AAPL", Week));

        var batch = Assert.Single(await Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal(3, batch.Rows.Count);
        Assert.Equal(2, Server.Hits.Count);
    }

    [Fact]
    public async Task Should_give_up_as_transient_after_the_configured_retries()
    {
        Server.Handler = (ctx, _) => Reply.Text(ctx, "Service Unavailable", 503);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal(ErrorClass.Transient, ex.ErrorClass);
        Assert.Contains("503", ex.ProviderMessage);
        Assert.Equal(4, Server.Hits.Count);
    }

    [Theory]
    [InlineData("{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\"},\"timestamp\":[1704205800,17042")]
    [InlineData("<html><body>Oops</body></html>")]
    public async Task Should_fail_as_bad_payload_on_malformed_or_truncated_json_without_retrying(string body)
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, body);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 1, 6)));

        Assert.Equal(ErrorClass.BadPayload, ex.ErrorClass);
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_time_out_a_slow_answer_and_retry_it()
    {
        await using var services = CollectorServices.Build(Server, new Dictionary<string, string?>
        {
            ["Sources:Yahoo:Timeout"] = "00:00:00.200",
            ["Sources:Yahoo:MaxRetries"] = "1",
        });
        Server.Handler = async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ctx.RequestAborted).ContinueWith(_ => { });
            if (!ctx.RequestAborted.IsCancellationRequested) await Reply.Json(ctx, YahooChart("AAPL", Week));
        };

        var ex = await Assert.ThrowsAsync<CollectorException>(() =>
            services.Collector("yahoo").CollectAllAsync(new CollectorRequest("AAPL", null, "1d", Utc(2024, 1, 1), Utc(2024, 1, 6))));

        Assert.Equal(ErrorClass.Timeout, ex.ErrorClass);
        Assert.Equal(2, Server.Hits.Count);
    }
}
