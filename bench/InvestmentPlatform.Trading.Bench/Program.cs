// Works 10,000 paper orders over 10 years of daily bars of 100 symbols through the fill engine on SQLite, then replays
// the same orders over the same bars (POST .../replay's job: checks, loading the bars, the replay engine), and prints
// the time and fills a second of each. Usage: dotnet run -c Release --project bench/InvestmentPlatform.Trading.Bench [symbols] [years] [ordersPerSymbol] [both|engine|replay]
using System.Diagnostics;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading;
using InvestmentPlatform.Trading.Accounts;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;
using InvestmentPlatform.Trading.Replay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var symbols = args.Length > 0 ? int.Parse(args[0]) : 100;
var years = args.Length > 1 ? int.Parse(args[1]) : 10;
var ordersPerSymbol = args.Length > 2 ? int.Parse(args[2]) : 100;
var phase = args.Length > 3 ? args[3] : "both";
var bars = years * 252;
var directory = Directory.CreateTempSubdirectory("ip-trading-bench-").FullName;

var builder = Host.CreateApplicationBuilder();
builder.Configuration["Database:DataDirectory"] = directory;
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddPlatformData();
builder.AddAnalytics();
builder.AddTrading();
using var host = builder.Build();
await host.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();

var start = new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var random = new Random(42);
Guid accountId;
var assetIds = new List<long>();
var seed = Stopwatch.StartNew();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    accountId = (await scope.ServiceProvider.GetRequiredService<PaperAccountService>().CreateAsync(
        new PaperAccountInput("bench", "USD", 1e11, start.AddDays(-1), AllowShort: true, FeePerUnit: 0.005, FeePercent: 0.05, FeeMinimum: 1, SlippageBps: 5), null, default)).Id;
    for (var s = 0; s < symbols; s++)
    {
        var asset = new Asset { Symbol = $"BENCH{s:000}", AssetType = "stock", Currency = "USD", Source = "synthetic", CreatedAt = start, UpdatedAt = start };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        assetIds.Add(asset.AssetId);
        var price = 100.0;
        var rows = new List<MarketBar>(bars);
        for (var d = 0; d < bars; d++)
        {
            var open = price * (1 + (random.NextDouble() - 0.5) * 0.01);
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.04);
            rows.Add(new MarketBar
            {
                AssetId = asset.AssetId, Interval = "1d", Time = start.AddDays(d), Open = open, High = Math.Max(open, close) * 1.01,
                Low = Math.Min(open, close) * 0.99, Close = close, AdjClose = close, Volume = 5_000 + random.Next(5_000),
            });
            price = close;
        }
        db.MarketData.AddRange(rows);
        // A quarter each of market, limit, stop and stop-limit, both sides, placed at random days, 2,000 units: several partial fills.
        for (var o = 0; o < ordersPerSymbol; o++)
        {
            var day = random.Next(bars - 20);
            var reference = rows[day].Close;
            var buy = o % 2 == 0;
            var type = OrderTypes.All[o % 4];
            double? limit = OrderTypes.HasLimit(type) ? reference * (buy ? 0.98 : 1.02) : null;
            double? stop = OrderTypes.HasStop(type) ? reference * (buy ? 1.02 : 0.98) : null;
            if (type == OrderTypes.StopLimit)
                limit = stop * (buy ? 1.01 : 0.99);
            db.PaperOrders.Add(new PaperOrder
            {
                Id = Guid.CreateVersion7(), AccountId = accountId, RequestHash = "", AssetId = asset.AssetId, Symbol = asset.Symbol,
                Side = buy ? OrderSides.Buy : OrderSides.Sell, Type = type, Quantity = 2_000, LimitPrice = limit, StopPrice = stop,
                TimeInForce = TimesInForce.GoodTillCancelled, Status = OrderStatuses.Accepted, LastBarTime = rows[day].Time,
                SubmittedAt = rows[day].Time, UpdatedAt = rows[day].Time, Events = 2,
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
Console.WriteLine($"seeded {symbols} symbols × {bars:N0} daily bars and {symbols * ordersPerSymbol:N0} orders in {seed.Elapsed.TotalSeconds:0.0} s ({directory})");

if (phase != "replay")
{
    var run = Stopwatch.StartNew();
    var fills = 0;
    foreach (var assetId in assetIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        fills += await scope.ServiceProvider.GetRequiredService<PaperFillEngine>().OnBarsAsync(assetId, "1d", default);
    }
    run.Stop();
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var filled = await db.PaperOrders.CountAsync(o => o.Status == OrderStatuses.Filled);
        var working = await db.PaperOrders.CountAsync(o => o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled);
        Console.WriteLine($"fill engine on SQLite: {symbols * ordersPerSymbol:N0} orders over {symbols * bars:N0} bars: {fills:N0} fills " +
                          $"({filled:N0} orders filled, {working:N0} still working) in {run.Elapsed.TotalSeconds:0.0} s = {fills / run.Elapsed.TotalSeconds:N0} fills/s, " +
                          $"{symbols * ordersPerSymbol / run.Elapsed.TotalSeconds:N0} orders/s");
    }
}

// The same orders, placed at noon of the day their live twins were placed, as one replay of the whole range.
if (phase != "engine")
{
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
    var orders = await db.PaperOrders.AsNoTracking().OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
        .Select(o => new ReplayOrderInput(o.SubmittedAt.AddHours(12), o.Symbol, o.Side, o.Type, o.Quantity, o.LimitPrice, o.StopPrice, o.TimeInForce, null))
        .ToListAsync();
    var end = start.AddDays(bars - 1);
    var total = Stopwatch.StartNew();
    var queued = await scope.ServiceProvider.GetRequiredService<ReplayJobs>().SubmitAsync(accountId, new ReplayInput(start, end, orders), "bench", default);
    var checkedIn = total.Elapsed;
    var row = await db.PaperReplays.AsNoTracking().FirstAsync(r => r.Id == queued.Id);
    var (terms, replaySymbols, replayOrders) = await scope.ServiceProvider.GetRequiredService<ReplayRunner>().PrepareAsync(row, default);
    var loaded = total.Elapsed;
    var result = ReplayEngine.Run(terms, replaySymbols, replayOrders);
    var engine = total.Elapsed - loaded;
    total.Stop();
    var again = ReplayEngine.Run(terms, replaySymbols, replayOrders);
    Console.WriteLine($"replay: {orders.Count:N0} orders over {replaySymbols.Sum(x => x.Bars.Count):N0} bars ({result.EquityCurve.Count:N0} bar times): " +
                      $"{result.FillCount:N0} fills, {result.Orders.Count(o => o.Status == OrderStatuses.Rejected):N0} orders rejected, in {total.Elapsed.TotalSeconds:0.00} s " +
                      $"(request checked and stored {checkedIn.TotalSeconds:0.00} s, bars loaded {(loaded - checkedIn).TotalSeconds:0.00} s, engine {engine.TotalSeconds:0.00} s) = " +
                      $"{result.FillCount / total.Elapsed.TotalSeconds:N0} fills/s end to end, {result.FillCount / engine.TotalSeconds:N0} fills/s in the engine; " +
                      $"a second run gives the same fills: {again.Fills.SequenceEqual(result.Fills)}");
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, true);
