using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Trading.Accounts;
using InvestmentPlatform.Trading.Calendars;
using InvestmentPlatform.Trading.Orders;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Replay;

/// <summary>
/// Replays asked for on the bus: the request is checked here, fully (orders, symbols, their data and currency), then
/// stored as a paper_replays row with its ReplayRequested message in one transaction; <see cref="ReplayRequestedConsumer"/>
/// runs it. A replay belongs to its account: another user's account is 404 before this is reached.
/// </summary>
public sealed class ReplayJobs(PlatformDbContext db, PaperAccountService accounts, TradingClock clock)
{
    public const int MaxOrders = 10_000;
    public const int MaxSymbols = 100;
    public const int MaxYears = 30;
    /// <summary>Replays a user may have queued or running at once; more is 409 until one finishes.</summary>
    public const int MaxInProgress = 3;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new ApiDoubleConverter() } };

    /// <exception cref="AnalyticsException">What makes the request invalid, before anything is stored.</exception>
    public async Task<ReplayDto> SubmitAsync(Guid accountId, ReplayInput? input, string owner, CancellationToken ct)
    {
        var (portfolio, account) = await accounts.FindAsync(accountId, ct);
        if (input is null)
            throw AnalyticsException.Invalid("body", "A replay needs from, to and orders.");
        if (input.From is not { } f || input.To is not { } t)
            throw AnalyticsException.Invalid(input.From is null ? "from" : "to", "from and to are required (ISO-8601, UTC).");
        var (from, to) = (f.AsUtc(), t.AsUtc());
        if (from >= to)
            throw AnalyticsException.Invalid("from", "from must be before to.");
        if (to > from.AddYears(MaxYears))
            throw AnalyticsException.Invalid("to", $"A replay covers at most {MaxYears} years.");
        if (input.StartingCash is { } cash && (!double.IsFinite(cash) || cash <= 0 || cash > PaperAccountService.MaxStartingCash))
            throw AnalyticsException.Invalid("startingCash", $"startingCash must be a positive number up to {PaperAccountService.MaxStartingCash:0e0}.");
        if (input.Orders is not { Count: > 0 } given)
            throw AnalyticsException.Invalid("orders", "orders must hold at least one order.");
        if (given.Count > MaxOrders)
            throw AnalyticsException.Invalid("orders", $"A replay takes at most {MaxOrders:N0} orders.");

        var orders = given.Select((o, i) => Check(accountId, o, i, from, to)).ToList();
        var symbols = orders.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count > MaxSymbols)
            throw AnalyticsException.Invalid("orders", $"A replay trades at most {MaxSymbols} symbols.");
        var assets = await db.Assets.AsNoTracking().Where(a => symbols.Contains(a.Symbol)).ToListAsync(ct);
        if (symbols.Except(assets.Select(a => a.Symbol)).ToList() is { Count: > 0 } missing)
            throw AnalyticsException.NotFound("symbol", $"No asset with symbol {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        foreach (var asset in assets)
        {
            if (asset.AssetType is AssetTypes.Bond or AssetTypes.EconomicIndicator or AssetTypes.Forex)
                throw AnalyticsException.Unprocessable("symbol", $"'{asset.Symbol}' is a {asset.AssetType} series; paper orders trade stocks, crypto and commodities.");
            // Prices in a minor unit (GBp) would be cash in pence: a replay keeps one unit, the account's.
            if (asset.Currency is { } quoted && (CurrencyUnit.PerMajorOf(quoted) != 1 || CurrencyUnit.MajorOf(quoted) != portfolio.BaseCurrency))
                throw AnalyticsException.Unprocessable("symbol",
                    $"'{asset.Symbol}' trades in {asset.Currency}; a replay trades assets in the account's currency, {portfolio.BaseCurrency}.");
        }
        foreach (var order in orders)
        {
            var asset = assets.First(a => a.Symbol == order.Symbol);
            if (asset.AssetType != AssetTypes.Crypto && order.Quantity != Math.Floor(order.Quantity))
                throw AnalyticsException.Unprocessable($"orders[{order.Index}].quantity", $"'{order.Symbol}' is a {asset.AssetType}; only crypto trades in fractional units.");
        }
        var ids = assets.Select(a => a.AssetId).ToList();
        var withBars = await db.MarketData.AsNoTracking()
            .Where(b => ids.Contains(b.AssetId) && b.Interval == account.Interval && b.Time >= from && b.Time <= to)
            .Select(b => b.AssetId).Distinct().ToListAsync(ct);
        if (assets.Where(a => !withBars.Contains(a.AssetId)).Select(a => a.Symbol).ToList() is { Count: > 0 } empty)
            throw AnalyticsException.Unprocessable("symbol",
                $"No {account.Interval} bars are stored from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} for {string.Join(", ", empty.Select(s => $"'{s}'"))}.");
        if (await db.PaperReplays.CountAsync(r => r.OwnerId == owner && (r.Status == WorkStatuses.Queued || r.Status == WorkStatuses.Running), ct)
            >= MaxInProgress)
            throw AnalyticsException.Conflict("orders", $"You have {MaxInProgress} replays in progress: wait for one to finish.");

        // Day orders end with the session they are placed in, on their exchange's calendar, as live ones do.
        DateTime SessionEnd(ReplayOrder o)
        {
            var asset = assets.First(a => a.Symbol == o.Symbol);
            return ExchangeCalendars.ForAsset(asset.AssetType, asset.Exchange, asset.Symbol).SessionEndFor(o.At);
        }
        var stored = orders.Select(o => o with { ExpiresAt = o.TimeInForce == TimesInForce.Day ? SessionEnd(o) : null }).ToList();
        var now = clock.UtcNow;
        var row = new PaperReplay
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, OwnerId = owner, Status = WorkStatuses.Queued, CreatedAt = now,
            Request = JsonSerializer.Serialize(new StoredRequest(from, to, input.StartingCash ?? account.StartingCash, stored), Json),
        };
        db.PaperReplays.Add(row);
        db.EnqueuePublish(new ReplayRequested(row.Id, accountId, owner, now), row.Id);
        await db.SaveChangesAsync(ct);
        return ToDto(row, withResult: false);
    }

    public async Task<ReplayDto> GetAsync(Guid accountId, Guid replayId, CancellationToken ct)
    {
        await accounts.FindAsync(accountId, ct);
        var row = await db.PaperReplays.AsNoTracking().FirstOrDefaultAsync(r => r.Id == replayId && r.AccountId == accountId, ct)
                  ?? throw AnalyticsException.NotFound("replayId", $"Replay {replayId} does not exist in account {accountId}.");
        return ToDto(row, withResult: true);
    }

    /// <summary>The account's replays, newest first, without their results.</summary>
    public async Task<(IReadOnlyList<ReplayDto> Items, long Total)> ListAsync(Guid accountId, int skip, int take, CancellationToken ct)
    {
        await accounts.FindAsync(accountId, ct);
        var query = db.PaperReplays.AsNoTracking().Where(r => r.AccountId == accountId);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take)
            .Select(r => new PaperReplay
            {
                Id = r.Id, AccountId = r.AccountId, OwnerId = r.OwnerId, Status = r.Status, Request = r.Request, Error = r.Error, Done = r.Done,
                Total = r.Total, CreatedAt = r.CreatedAt, CompletedAt = r.CompletedAt,
            }).ToListAsync(ct);
        return (rows.Select(r => ToDto(r, withResult: false)).ToList(), total);
    }

    /// <summary>One order, checked as the order door checks a body (400), with its field named by its place in the list.</summary>
    private static ReplayOrder Check(Guid accountId, ReplayOrderInput? input, int index, DateTime from, DateTime to)
    {
        var field = $"orders[{index}]";
        if (input is null)
            throw AnalyticsException.Invalid(field, $"{field} is empty.");
        if (input.At is not { } a)
            throw AnalyticsException.Invalid($"{field}.at", "at is required: the time the order is placed (ISO-8601, UTC).");
        var at = a.AsUtc();
        if (at < from || at > to)
            throw AnalyticsException.Invalid($"{field}.at", $"at must be within the replay's range, {from:O} to {to:O}.");
        PaperOrder order;
        try
        {
            order = OrderService.Parse(accountId, new OrderInput(input.Symbol, input.Side, input.Type, input.Quantity, input.LimitPrice,
                input.StopPrice, input.TimeInForce ?? TimesInForce.GoodTillCancelled, input.ClientOrderId));
        }
        catch (AnalyticsException ex)
        {
            throw AnalyticsException.Invalid($"{field}.{ex.Field}", ex.Message);
        }
        if (!double.IsFinite(order.Quantity) || order.Quantity <= 0)
            throw AnalyticsException.Invalid($"{field}.quantity", "quantity must be a positive, finite number of units.");
        return new ReplayOrder(index, at, order.Symbol, order.Side, order.Type, order.Quantity, order.LimitPrice, order.StopPrice,
            order.TimeInForce, null, order.ClientOrderId);
    }


    /// <summary>The request as stored: checked orders, their session ends, and the starting cash the replay uses.</summary>
    internal sealed record StoredRequest(DateTime From, DateTime To, double StartingCash, IReadOnlyList<ReplayOrder> Orders);

    internal static StoredRequest ReadRequest(PaperReplay row) => JsonSerializer.Deserialize<StoredRequest>(row.Request, Json)!;

    private static ReplayDto ToDto(PaperReplay row, bool withResult)
    {
        var request = ReadRequest(row);
        return new ReplayDto(row.Id, row.AccountId, row.Status, request.From, request.To, request.Orders.Count, row.Done, row.Total, row.Error,
            row.CreatedAt, row.CompletedAt, withResult && row.Result is not null ? JsonSerializer.Deserialize<ReplayResult>(row.Result, Json) : null);
    }
}
