using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Access;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Trading.Fills;
using Microsoft.EntityFrameworkCore;
using static InvestmentPlatform.IntegrationTests.Trading.PaperHost;

namespace InvestmentPlatform.IntegrationTests.Trading;

/// <summary>Paper accounts, orders, risk checks, fills and the audit trail on each store: PostgreSQL + RabbitMQ and SQLite + in-memory bus.</summary>
public abstract class When_paper_orders_are_traded(PaperHost host)
{
    private HttpClient Client => host.Client;

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, actual {actual:R}");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private Task<List<string>> OutboxTypesAsync(Guid orderId) => host.WithDbAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(o => o.CorrelationId == orderId).OrderBy(o => o.Id).Select(o => o.MessageType).ToListAsync())
        .Select(t => t.Split(',')[0].Split('.').Last()).ToList());

    private async Task<List<string>> EventTypesAsync(Guid account, Guid order) =>
        (await host.GetAsync($"/api/paper/accounts/{account}/orders/{order}/events")).EnumerateArray()
        .Select(e => e.GetProperty("type").GetString()!).ToList();

    [Fact]
    public async Task Should_open_an_account_as_a_paper_portfolio_that_only_its_owner_sees()
    {
        var id = await host.AccountAsync("owned account");
        var portfolio = await host.GetAsync($"/api/portfolios/{id}");
        Assert.Equal("paper", portfolio.GetProperty("kind").GetString());
        var holdings = await host.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-05");
        Near(100_000, holdings.GetProperty("cash").GetDouble());

        // Its transactions are its fills: none by hand.
        var manual = await Client.PostAsJsonAsync($"/api/portfolios/{id}/transactions", new { type = "deposit", time = Day(2), amount = 5 });
        await ProblemAssert.IsProblemAsync(manual, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/paper/accounts",
            new { name = "bad cash", baseCurrency = "USD", startingCash = -1 }), HttpStatusCode.BadRequest, "startingCash");
        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/paper/accounts",
            new { name = "owned account", baseCurrency = "USD", startingCash = 10 }), HttpStatusCode.Conflict);

        var other = host.Host.WithToken(await host.Host.CreateUserAsync($"trader-{Guid.NewGuid():N}"[..20], "analyst"));
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/paper/accounts/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await other.PostAsJsonAsync($"/api/paper/accounts/{id}/orders",
            new { symbol = "X", side = "buy", type = "market", quantity = 1 }), HttpStatusCode.NotFound);
        var theirs = await JsonAsync(await other.GetAsync("/api/paper/accounts"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        await ProblemAssert.IsProblemAsync(await host.Host.Anonymous().GetAsync("/api/paper/accounts"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_answer_a_retried_client_order_id_with_the_same_order_and_refuse_it_for_another_body()
    {
        await host.HistoryAsync("IDEM", 100);
        var account = await host.AccountAsync("idempotent");
        var body = new { symbol = "IDEM", side = "buy", type = "limit", quantity = 10, limitPrice = 90, timeInForce = "gtc", clientOrderId = "c-1" };

        var first = await host.SubmitAsync(account, body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await host.SubmitAsync(account, body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetGuid(), (await JsonAsync(again)).GetProperty("id").GetGuid());
        await ProblemAssert.IsProblemAsync(await host.SubmitAsync(account, body with { quantity = 11 }), HttpStatusCode.Conflict);

        var list = await host.GetAsync($"/api/paper/accounts/{account}/orders");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        await ProblemAssert.IsProblemAsync(await host.SubmitAsync(account, new { symbol = "IDEM", side = "hold", type = "limit", quantity = 1 }),
            HttpStatusCode.BadRequest, "side");
        await ProblemAssert.IsProblemAsync(await host.SubmitAsync(account, new { symbol = "IDEM", side = "buy", type = "limit", quantity = 1 }),
            HttpStatusCode.BadRequest, "limitPrice");
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("unknown_symbol")]
    [InlineData("no_data")]
    [InlineData("fractional")]
    [InlineData("market_closed")]
    [InlineData("short_selling")]
    [InlineData("max_notional")]
    [InlineData("buying_power")]
    [InlineData("max_position")]
    public async Task Should_reject_an_order_that_fails_a_check_and_store_it_with_the_reason(string check)
    {
        var symbol = $"R{check.Replace("_", "")[..6].ToUpperInvariant()}";
        if (check != "unknown_symbol" && check != "no_data")
            await host.HistoryAsync(symbol, 100);
        if (check == "no_data")
            await host.AssetAsync(symbol);
        object? settings = check switch
        {
            "max_notional" => new { maxOrderNotional = 1_000 },
            "max_position" => new { maxPositionPercent = 10 },
            _ => null,
        };
        var account = await host.AccountAsync($"risk {check}", settings);
        object order = check switch
        {
            "quantity" => new { symbol, side = "buy", type = "limit", quantity = 0, limitPrice = 100 },
            "unknown_symbol" => new { symbol = "NOPE-NOPE", side = "buy", type = "limit", quantity = 1, limitPrice = 100 },
            "fractional" => new { symbol, side = "buy", type = "limit", quantity = 1.5, limitPrice = 100 },
            "market_closed" => new { symbol, side = "buy", type = "market", quantity = 1 },
            "short_selling" => new { symbol, side = "sell", type = "limit", quantity = 5, limitPrice = 100 },
            // 20 × 100 = 2,000 over the 1,000 maximum
            "max_notional" => new { symbol, side = "buy", type = "limit", quantity = 20, limitPrice = 100 },
            // 2,000 × 100 = 200,000 over the 100,000 cash
            "buying_power" => new { symbol, side = "buy", type = "limit", quantity = 2_000, limitPrice = 100 },
            // 200 × 100 = 20,000: 20 % of the 100,000 equity, over 10 %
            "max_position" => new { symbol, side = "buy", type = "limit", quantity = 200, limitPrice = 100 },
            _ => new { symbol, side = "buy", type = "limit", quantity = 1, limitPrice = 100 },
        };
        // Saturday 2024-01-13: New York is closed.
        if (check == "market_closed")
            host.Clock.AdjustTime(new DateTimeOffset(2024, 1, 13, 15, 0, 0, TimeSpan.Zero));
        HttpResponseMessage response;
        try
        {
            response = await host.SubmitAsync(account, order);
        }
        finally
        {
            host.Clock.AdjustTime(Start);
        }

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(check, problem.GetProperty("check").GetString());
        var orderId = problem.GetProperty("orderId").GetGuid();
        var stored = await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}");
        Assert.Equal("rejected", stored.GetProperty("status").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), stored.GetProperty("rejectReason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(stored.GetProperty("rejectReason").GetString()));
        Assert.Equal(["submitted", "rejected"], await EventTypesAsync(account, orderId));
        Assert.Equal([nameof(OrderRejected)], await OutboxTypesAsync(orderId));
    }

    [Fact]
    public async Task Should_not_fill_on_bars_that_ended_before_the_order_even_when_they_are_stored_after_it()
    {
        var assetId = await host.AssetAsync("LATE");
        await host.BarsAsync(assetId, Enumerable.Range(2, 3).Select(d => (d, 100.0, 100.0, 100.0, 100.0, 1_000_000.0)).ToArray());
        var account = await host.AccountAsync("late history");
        var submitted = await JsonAsync(await host.SubmitAsync(account,
            new { symbol = "LATE", side = "buy", type = "limit", quantity = 10, limitPrice = 100, timeInForce = "gtc", clientOrderId = "late-1" }));
        var orderId = submitted.GetProperty("id").GetGuid();

        // The days between the last stored bar and the order (5th to 9th) arrive only now, with the order's own day:
        // those days were over when the order was placed at 15:00 on the 10th; the 10th was still trading.
        await host.BarsAsync(assetId, Enumerable.Range(5, 6).Select(d => (d, 100.0, 100.0, 99.0, 100.0, 1_000_000.0)).ToArray());
        await host.SignalBarsAsync("LATE");

        var fill = Assert.Single((await host.GetAsync($"/api/paper/accounts/{account}/fills")).GetProperty("items").EnumerateArray());
        Assert.Equal(Day(10), fill.GetProperty("barTime").GetDateTime().ToUniversalTime());
        Assert.Equal("filled", (await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}")).GetProperty("status").GetString());
        // Booked when it happened: on the 10th's bar, but not before the order was placed that afternoon.
        Assert.Equal(PaperHost.Start.UtcDateTime, await host.WithDbAsync(db =>
            db.PortfolioTransactions.Where(t => t.PortfolioId == account && t.Type == "buy").Select(t => t.Time).SingleAsync()));
    }

    [Fact]
    public async Task Should_fill_a_limit_order_on_new_bars_with_a_gap_partial_fills_and_fees_once()
    {
        await host.HistoryAsync("FILLS", 105);
        // 0.01 a unit + 0.1 % of the notional, at least 5 an order; 10 % of each bar's volume.
        var account = await host.AccountAsync("fills", new { feePerUnit = 0.01, feePercent = 0.1, feeMinimum = 5, participationPercent = 10 });
        var submitted = await host.SubmitAsync(account,
            new { symbol = "FILLS", side = "buy", type = "limit", quantity = 300, limitPrice = 100, timeInForce = "gtc", clientOrderId = "fills-1" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var accepted = await JsonAsync(submitted);
        var orderId = accepted.GetProperty("id").GetGuid();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        var assetId = await host.WithDbAsync(db => db.Assets.Where(a => a.Symbol == "FILLS").Select(a => a.AssetId).FirstAsync());
        await host.BarsAsync(assetId,
            (10, 103, 104, 101, 102, 1_000),    // low 101 stays above the limit: nothing
            (11, 99, 100, 98, 99.5, 2_000),     // gaps below 100: 10 % of 2,000 = 200 at the open, 99
            (12, 101, 102, 99.5, 100.5, 5_000)); // low 99.5 reaches 100: the last 100 at the limit
        var announced = await host.SignalBarsAsync("FILLS");

        var order = await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}");
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal(300, order.GetProperty("filledQuantity").GetDouble());
        // (200 × 99 + 100 × 100) / 300 = 29,800 / 300
        Near(29_800.0 / 300, order.GetProperty("averageFillPrice").GetDouble());
        // fill 1: 0.01 × 200 + 0.001 × 19,800 = 21.8 (above the minimum); fill 2: 0.01 × 300 + 0.001 × 29,800 − 21.8 = 11
        Near(32.8, order.GetProperty("feesPaid").GetDouble());
        var fills = (await host.GetAsync($"/api/paper/accounts/{account}/fills")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([(100.0, 100.0, 11.0), (200.0, 99.0, 21.8)],
            fills.Select(f => (f.GetProperty("quantity").GetDouble(), f.GetProperty("price").GetDouble(), Math.Round(f.GetProperty("fee").GetDouble(), 9))));
        Assert.Equal(["submitted", "accepted", "partially_filled", "filled"], await EventTypesAsync(account, orderId));
        Assert.Equal([nameof(OrderAccepted), nameof(OrderFilled), nameof(OrderFilled)], await OutboxTypesAsync(orderId));

        // The fills are the portfolio's transactions: holdings and cash come from the portfolio engine.
        var holdings = await host.GetAsync($"/api/paper/accounts/{account}/positions?at=2024-01-12");
        var position = holdings.GetProperty("holdings").EnumerateArray().Single();
        Assert.Equal(300, position.GetProperty("quantity").GetDouble());
        Near(100_000 - 29_800 - 32.8, holdings.GetProperty("cash").GetDouble());

        // The same bars announced again, and worked again directly: nothing fills twice.
        await host.RedeliverAsync(announced);
        Assert.Equal(0, await host.WithServiceAsync<PaperFillEngine, int>(e => e.OnBarsAsync(assetId, "1d", default)));
        Assert.Equal(2, await host.WithDbAsync(db => db.PaperFills.CountAsync(f => f.OrderId == orderId)));
        Assert.Equal(3, await host.WithDbAsync(db => db.PortfolioTransactions.CountAsync(t => t.PortfolioId == account)));
    }

    [Fact]
    public async Task Should_fill_once_when_two_workers_work_the_same_bars_at_once()
    {
        var assetId = await host.HistoryAsync("TWO-BTC", 100, "crypto");
        var account = await host.AccountAsync("two workers");
        var submitted = await host.SubmitAsync(account, new { symbol = "TWO-BTC", side = "buy", type = "market", quantity = 2.5, timeInForce = "gtc" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var orderId = (await JsonAsync(submitted)).GetProperty("id").GetGuid();
        await host.BarsAsync(assetId, (10, 100, 102, 99, 101, 1_000));

        var fills = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            host.WithServiceAsync<PaperFillEngine, int>(e => e.OnBarsAsync(assetId, "1d", default))));
        Assert.Equal(1, fills.Sum());
        Assert.Equal(1, await host.WithDbAsync(db => db.PaperFills.CountAsync(f => f.OrderId == orderId)));
        Assert.Equal(["submitted", "accepted", "filled"], await EventTypesAsync(account, orderId));
        // a market order fills at the next bar's open; crypto trades fractions
        var order = await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}");
        Assert.Equal(2.5, order.GetProperty("filledQuantity").GetDouble());
        Assert.Equal(100, order.GetProperty("averageFillPrice").GetDouble());
    }

    [Fact]
    public async Task Should_apply_a_4_for_1_split_to_an_open_limit_order_and_positions_and_credit_or_debit_a_dividend_once()
    {
        var assetId = await host.HistoryAsync("SPLT", 100);
        var longs = await host.AccountAsync("split long");
        var shorts = await host.AccountAsync("split short", new { allowShort = true });
        var market = await JsonAsync(await host.SubmitAsync(longs, new { symbol = "SPLT", side = "buy", type = "market", quantity = 100, timeInForce = "gtc" }));
        var limit = (await JsonAsync(await host.SubmitAsync(longs,
            new { symbol = "SPLT", side = "buy", type = "limit", quantity = 50, limitPrice = 90, timeInForce = "gtc" }))).GetProperty("id").GetGuid();
        Assert.Equal("accepted", market.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await host.SubmitAsync(shorts,
            new { symbol = "SPLT", side = "sell", type = "market", quantity = 10, timeInForce = "gtc" })).StatusCode);

        await host.WithDbAsync(db =>
        {
            db.MarketData.AddRange(
                Bar(assetId, 10, 100, 101, 99, 100, 1_000_000),                // the market orders fill at the open, 100
                Bar(assetId, 11, 25, 25.5, 24, 25, 4_000_000, split: 4),       // ex-date: 50 @ 90 becomes 200 @ 22.5; low 24 does not reach it
                Bar(assetId, 12, 23, 23, 22, 22.5, 4_000_000, dividend: 0.5)); // 0.50 a share on what is held at the start of the day; 22.5 reached
            return db.SaveChangesAsync();
        });
        var announced = await host.SignalBarsAsync("SPLT");

        var order = await host.GetAsync($"/api/paper/accounts/{longs}/orders/{limit}");
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal(200, order.GetProperty("quantity").GetDouble());
        Assert.Equal(22.5, order.GetProperty("limitPrice").GetDouble());
        Assert.Equal(22.5, order.GetProperty("averageFillPrice").GetDouble());
        var events = (await host.GetAsync($"/api/paper/accounts/{longs}/orders/{limit}/events")).EnumerateArray().ToList();
        Assert.Equal(["submitted", "accepted", "split_adjusted", "filled"], events.Select(e => e.GetProperty("type").GetString()));
        var adjusted = events[2];
        Assert.Equal("accepted", adjusted.GetProperty("toStatus").GetString());
        Assert.Equal("4-for-1 split on 2024-01-11: quantity 50 → 200, limit 90 → 22.5", adjusted.GetProperty("reason").GetString());
        // A split is no transition: no message for external subscribers.
        Assert.Equal([nameof(OrderAccepted), nameof(OrderFilled)], await OutboxTypesAsync(limit));

        // Long: 100 bought at 100 → 400 after the split, + 200 at 22.5; cash 100,000 − 10,000 − 4,500 + 400 × 0.5.
        var before = await host.GetAsync($"/api/paper/accounts/{longs}/positions?at=2024-01-11");
        Assert.Equal(400, before.GetProperty("holdings").EnumerateArray().Single().GetProperty("quantity").GetDouble());
        var held = await host.GetAsync($"/api/paper/accounts/{longs}/positions?at=2024-01-12");
        var position = held.GetProperty("holdings").EnumerateArray().Single();
        Assert.Equal(600, position.GetProperty("quantity").GetDouble());
        Near(14_500, position.GetProperty("costBasis").GetDouble());
        Near(200, position.GetProperty("income").GetDouble());
        Near(85_700, held.GetProperty("cash").GetDouble());
        // Short: 10 sold at 100 → −40 after the split, and the short pays 40 × 0.5: 100,000 + 1,000 − 20.
        var shorted = await host.GetAsync($"/api/paper/accounts/{shorts}/positions?at=2024-01-12");
        Assert.Equal(-40, shorted.GetProperty("holdings").EnumerateArray().Single().GetProperty("quantity").GetDouble());
        Near(100_980, shorted.GetProperty("cash").GetDouble());

        // Announced again and worked again: applied once.
        await host.RedeliverAsync(announced);
        Assert.Equal(0, await host.WithServiceAsync<PaperFillEngine, int>(e => e.OnBarsAsync(assetId, "1d", default)));
        Assert.Equal(4, await host.WithDbAsync(db => db.PaperCorporateActions.CountAsync(c => c.AssetId == assetId)));
        Assert.Equal(["deposit", "buy", "split", "dividend", "buy"], await host.WithDbAsync(async db =>
            (await db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == longs).ToListAsync())
            .OrderBy(t => t.Time).ThenBy(t => t.CreatedAt).Select(t => t.Type).ToList()));
        Assert.Equal(4, (await host.GetAsync($"/api/paper/accounts/{longs}/orders/{limit}/events")).GetArrayLength());
    }

    [Fact]
    public async Task Should_replay_timestamped_orders_on_the_bus_tell_its_owner_live_and_give_the_same_fills_again()
    {
        var assetId = await host.HistoryAsync("RPLY", 100);
        await host.AssetAsync("RPLY-EMPTY");
        await host.BarsAsync(assetId, (10, 101, 103, 100, 102, 1_000_000), (11, 103, 105, 102, 104, 1_000_000), (12, 104, 104, 101, 102, 1_000_000));
        var token = await host.Host.CreateUserAsync($"replayer-{Guid.NewGuid():N}"[..20], "analyst");
        var trader = host.Host.WithToken(token);
        var created = await trader.PostAsJsonAsync("/api/paper/accounts",
            new { name = "replays", baseCurrency = "USD", startingCash = 100_000, startAt = Day(1) });
        var account = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var (connection, pushed) = await HubListener.ConnectAsync(host.Host, token);
        await using var _ = connection;
        var body = new
        {
            from = Day(2), to = Day(12),
            orders = new object[]
            {
                new { at = Day(5).AddHours(15), symbol = "RPLY", side = "buy", type = "market", quantity = 100, clientOrderId = "in" },
                new { at = Day(9).AddHours(15), symbol = "RPLY", side = "sell", type = "limit", quantity = 100, limitPrice = 104 },
            },
        };

        async Task<JsonElement> ReplayAsync()
        {
            var accepted = await trader.PostAsJsonAsync($"/api/paper/accounts/{account}/replay", body);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var id = (await JsonAsync(accepted)).GetProperty("id").GetGuid();
            Assert.Equal($"/api/paper/accounts/{account}/replays/{id}", accepted.Headers.Location?.OriginalString);
            var statuses = new List<string>();
            while (statuses.LastOrDefault() is not ("succeeded" or "failed"))
            {
                var (method, message) = await HubListener.NextAsync(pushed);
                if (method == "replay_progress" && message.GetProperty("replayId").GetGuid() == id)
                    statuses.Add(message.GetProperty("status").GetString()!);
            }
            Assert.Equal("succeeded", statuses[^1]);
            Assert.Contains("running", statuses);
            return await JsonAsync(await trader.GetAsync($"/api/paper/accounts/{account}/replays/{id}"));
        }

        var first = await ReplayAsync();
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        var result = first.GetProperty("result");
        // The market buy fills at the next bar's open, 100 on day 6; the sell limit 104 is reached on day 11 (high 105, open 103).
        var fills = result.GetProperty("fills").EnumerateArray()
            .Select(f => (f.GetProperty("order").GetInt32(), f.GetProperty("barTime").GetDateTime(), f.GetProperty("quantity").GetDouble(), f.GetProperty("price").GetDouble()))
            .ToList();
        Assert.Equal([(0, Day(6), 100.0, 100.0), (1, Day(11), 100.0, 104.0)], fills);
        // 100,000 − 10,000 + 10,400; one equity point per bar time, days 2 to 12
        Near(100_400, result.GetProperty("finalEquity").GetDouble());
        var curve = result.GetProperty("equityCurve").EnumerateArray().ToList();
        Assert.Equal(11, curve.Count);
        Near(100_000 + 100 * 4.0, curve.Single(p => p.GetProperty("time").GetDateTime() == Day(11)).GetProperty("equity").GetDouble());
        // It trades nothing in the account itself.
        Assert.Equal(0, (await host.GetAsync($"/api/paper/accounts/{account}/fills")).GetProperty("totalCount").GetInt32());

        var again = await ReplayAsync();
        Assert.Equal(result.GetProperty("fills").GetRawText(), again.GetProperty("result").GetProperty("fills").GetRawText());
        Assert.Equal(result.GetProperty("equityCurve").GetRawText(), again.GetProperty("result").GetProperty("equityCurve").GetRawText());

        // Refused at once, and nothing stored.
        var path = $"/api/paper/accounts/{account}/replay";
        var order = new { at = Day(5), symbol = "RPLY", side = "buy", type = "market", quantity = 1 };
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(2), to = Day(12), orders = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "orders");
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(12), to = Day(2), orders = new[] { order } }),
            HttpStatusCode.BadRequest, "from");
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(2), to = Day(12), orders = new object[] { order, order with { side = "hold" } } }),
            HttpStatusCode.BadRequest, "orders[1].side");
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(2), to = Day(12), orders = new[] { order with { at = Day(20) } } }),
            HttpStatusCode.BadRequest, "orders[0].at");
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(2), to = Day(12), orders = new[] { order with { symbol = "NOPE-RPLY" } } }),
            HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await trader.PostAsJsonAsync(path, new { from = Day(2), to = Day(12), orders = new[] { order with { symbol = "RPLY-EMPTY" } } }),
            HttpStatusCode.UnprocessableEntity, "symbol");
        var stranger = host.Host.WithToken(await host.Host.CreateUserAsync($"stranger-{Guid.NewGuid():N}"[..20], "analyst"));
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync(path, body), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/paper/accounts/{account}/replays/{first.GetProperty("id").GetGuid()}"),
            HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await trader.GetAsync($"/api/paper/accounts/{account}/replays/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(2, (await JsonAsync(await trader.GetAsync($"/api/paper/accounts/{account}/replays"))).GetProperty("totalCount").GetInt32());
    }

    private static MarketBar Bar(long assetId, int day, double open, double high, double low, double close, double volume,
        double split = 0, double dividend = 0) => new()
    {
        AssetId = assetId, Interval = "1d", Time = Day(day), Open = open, High = high, Low = low, Close = close, AdjClose = close,
        Volume = volume, StockSplits = split, Dividends = dividend,
    };

    [Fact]
    public async Task Should_keep_the_audit_trail_append_only()
    {
        await host.HistoryAsync("AUDIT", 100);
        var account = await host.AccountAsync("audit");
        var orderId = (await JsonAsync(await host.SubmitAsync(account,
            new { symbol = "AUDIT", side = "buy", type = "limit", quantity = 1, limitPrice = 90, timeInForce = "gtc" }))).GetProperty("id").GetGuid();

        var update = await Record.ExceptionAsync(() => host.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE paper_order_events SET reason = 'rewritten' WHERE order_id = {orderId}")));
        Assert.NotNull(update);
        Assert.Contains("append-only", update.ToString());
        var delete = await Record.ExceptionAsync(() => host.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM paper_order_events WHERE order_id = {orderId}")));
        Assert.NotNull(delete);
        Assert.Equal(["submitted", "accepted"], await EventTypesAsync(account, orderId));

        // Nothing in the API changes an event, and an account with orders keeps them.
        var path = $"/api/paper/accounts/{account}/orders/{orderId}/events";
        Assert.False((await Client.PutAsJsonAsync(path, new { reason = "x" })).IsSuccessStatusCode);
        Assert.False((await Client.DeleteAsync(path)).IsSuccessStatusCode);
        await ProblemAssert.IsProblemAsync(await Client.DeleteAsync($"/api/portfolios/{account}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_expire_a_day_order_at_the_session_end_on_the_exchange_calendar()
    {
        await host.HistoryAsync("DAYO", 100);
        var account = await host.AccountAsync("day orders");
        var submitted = await JsonAsync(await host.SubmitAsync(account, new { symbol = "DAYO", side = "buy", type = "limit", quantity = 1, limitPrice = 50 }));
        var orderId = submitted.GetProperty("id").GetGuid();
        // Wednesday 2024-01-10 in New York closes at 16:00 EST, 21:00 UTC.
        Assert.Equal(new DateTime(2024, 1, 10, 21, 0, 0, DateTimeKind.Utc), submitted.GetProperty("expiresAt").GetDateTime().ToUniversalTime());
        try
        {
            host.Clock.AdjustTime(new DateTimeOffset(2024, 1, 10, 20, 59, 0, TimeSpan.Zero));
            await host.WithServiceAsync<OrderExpiry, int>(e => e.ExpireDueAsync(default));
            Assert.Equal("accepted", (await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}")).GetProperty("status").GetString());

            host.Clock.AdjustTime(new DateTimeOffset(2024, 1, 10, 21, 0, 0, TimeSpan.Zero));
            await host.WithServiceAsync<OrderExpiry, int>(e => e.ExpireDueAsync(default));
            Assert.Equal("expired", (await host.GetAsync($"/api/paper/accounts/{account}/orders/{orderId}")).GetProperty("status").GetString());
            Assert.Equal(["submitted", "accepted", "expired"], await EventTypesAsync(account, orderId));
            Assert.Equal([nameof(OrderAccepted), nameof(OrderExpired)], await OutboxTypesAsync(orderId));
        }
        finally
        {
            host.Clock.AdjustTime(Start);
        }
    }

    [Fact]
    public async Task Should_trade_a_pence_quoted_asset_at_its_bars_and_book_it_in_pounds()
    {
        var assetId = await host.HistoryAsync("PENCE.L", 7000);
        await host.WithDbAsync(db => db.Assets.Where(a => a.AssetId == assetId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Currency, "GBp")));
        var account = await host.AccountAsync("pence", new { baseCurrency = "GBP" });
        var order = await JsonAsync(await host.SubmitAsync(account,
            new { symbol = "PENCE.L", side = "buy", type = "limit", quantity = 10, limitPrice = 7100, timeInForce = "gtc" }));
        Assert.Equal("accepted", order.GetProperty("status").GetString());

        await host.BarsAsync(assetId, (10, 7000, 7050, 6950, 7020, 1_000_000));
        await host.SignalBarsAsync("PENCE.L");

        // The fill is in pence, as the bars and the limit are; the portfolio books it, and values it, in pounds.
        var fill = await host.WithDbAsync(db => db.PaperFills.Where(f => f.AccountId == account).Select(f => new { f.Price, f.Fee }).SingleAsync());
        var tx = (await host.GetAsync($"/api/portfolios/{account}/transactions")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("type").GetString() == "buy");
        Assert.Equal("GBP", tx.GetProperty("currency").GetString());
        Near(fill.Price / 100, tx.GetProperty("price").GetDouble());
        Near(fill.Fee / 100, tx.GetProperty("fee").GetDouble());
        var holding = (await host.GetAsync($"/api/portfolios/{account}/holdings?at=2024-01-11")).GetProperty("holdings")[0];
        Near(70.2, holding.GetProperty("price").GetDouble());
        Near(702, holding.GetProperty("marketValueBase").GetDouble());
    }

    [Fact]
    public async Task Should_cancel_a_working_order_once_and_the_rest_of_an_immediate_or_cancel_order_after_its_first_bar()
    {
        var assetId = await host.HistoryAsync("CANX", 100);
        var account = await host.AccountAsync("cancels");
        var gtc = (await JsonAsync(await host.SubmitAsync(account,
            new { symbol = "CANX", side = "buy", type = "limit", quantity = 1, limitPrice = 90, timeInForce = "gtc" }))).GetProperty("id").GetGuid();
        var cancel = await Client.PostAsync($"/api/paper/accounts/{account}/orders/{gtc}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await JsonAsync(cancel)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await Client.PostAsync($"/api/paper/accounts/{account}/orders/{gtc}/cancel", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await Client.PostAsync($"/api/paper/accounts/{account}/orders/{Guid.NewGuid()}/cancel", null), HttpStatusCode.NotFound);

        // IOC for 500 on a bar of 1,000 volume: 100 fill at the open, the other 400 are cancelled.
        var ioc = (await JsonAsync(await host.SubmitAsync(account,
            new { symbol = "CANX", side = "buy", type = "limit", quantity = 500, limitPrice = 101, timeInForce = "ioc" }))).GetProperty("id").GetGuid();
        await host.BarsAsync(assetId, (10, 100, 101, 99, 100, 1_000));
        await host.SignalBarsAsync("CANX");
        var order = await host.GetAsync($"/api/paper/accounts/{account}/orders/{ioc}");
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.Equal(100, order.GetProperty("filledQuantity").GetDouble());
        Assert.Equal(["submitted", "accepted", "partially_filled", "cancelled"], await EventTypesAsync(account, ioc));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_paper_orders_are_traded_on_PostgreSQL(PostgresPaperHost host)
    : When_paper_orders_are_traded(host), IClassFixture<PostgresPaperHost>;

[Collection(IntegrationCollection.Name)]
public sealed class When_paper_orders_are_traded_on_SQLite(SqlitePaperHost host)
    : When_paper_orders_are_traded(host), IClassFixture<SqlitePaperHost>;
