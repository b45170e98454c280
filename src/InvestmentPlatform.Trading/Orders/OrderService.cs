using InvestmentPlatform.Calendars;
using System.Security.Cryptography;
using System.Text;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading.Accounts;
using InvestmentPlatform.Trading.Brokerage;
using InvestmentPlatform.Trading.Calendars;
using InvestmentPlatform.Trading.Risk;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Orders;

/// <summary>
/// The one door for orders: checks the body, answers a retried client order id with the order it made, runs the
/// pre-trade checks, stores the order accepted or rejected (with its event rows and message) and hands an accepted
/// one to the brokerage.
/// </summary>
public sealed class OrderService(
    PlatformDbContext db, PaperAccountService accounts, PreTradeRisk risk, OrderStore store, IBrokerage brokerage)
{
    public const int MaxClientOrderIdLength = 64;
    public const double MaxQuantity = 1e12;

    public async Task<SubmitResult> SubmitAsync(Guid accountId, OrderInput input, CancellationToken ct)
    {
        var (portfolio, account) = await accounts.FindAsync(accountId, ct);
        var order = Parse(accountId, input);
        if (await FindByClientIdAsync(accountId, order, ct) is { } existing)
            return existing;

        var now = store.Now;
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Symbol == order.Symbol, ct);
        var last = asset is null ? null : await db.MarketData.AsNoTracking()
            .Where(b => b.AssetId == asset.AssetId && b.Interval == account.Interval && b.Time <= now)
            .OrderByDescending(b => b.Time).Select(b => new { b.Time, b.Close }).FirstOrDefaultAsync(ct);
        order.AssetId = asset?.AssetId;
        order.Symbol = asset?.Symbol ?? order.Symbol;
        order.SubmittedAt = order.UpdatedAt = now;
        // The latest stored bar is the one the order was placed against: only bars after it can fill it.
        order.LastBarTime = last?.Time;
        db.PaperOrders.Add(order);
        store.Submitted(order);

        var rejection = await risk.CheckAsync(portfolio, account, order, new OrderMarket(asset, last?.Close), now, ct);
        if (rejection is not null)
        {
            order.RejectCheck = rejection.Check;
            order.RejectReason = rejection.Reason;
            store.Move(order, OrderStatuses.Rejected, new Transition(rejection.Reason, rejection.Check));
        }
        else
        {
            if (order.TimeInForce == TimesInForce.Day)
                order.ExpiresAt = ExchangeCalendars.ForAsset(asset!.AssetType, asset.Exchange, asset.Symbol).SessionEndFor(now);
            store.Move(order, OrderStatuses.Accepted);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (order.ClientOrderId is not null)
        {
            // The same client order id was submitted at the same moment and the other submission stored first.
            db.ChangeTracker.Clear();
            return await FindByClientIdAsync(accountId, order, ct) ?? throw new InvalidOperationException("The order was neither stored nor found.");
        }
        db.ChangeTracker.Clear();
        if (order.Status == OrderStatuses.Accepted)
            await brokerage.PlaceAsync(order.Id, ct);
        return new SubmitResult(await GetAsync(accountId, order.Id, ct), true);
    }

    public async Task<OrderDto> CancelAsync(Guid accountId, Guid orderId, CancellationToken ct)
    {
        var order = await GetAsync(accountId, orderId, ct);
        if (!OrderStatuses.IsWorking(order.Status) || !await brokerage.CancelAsync(orderId, ct))
        {
            var now = await GetAsync(accountId, orderId, ct);
            throw AnalyticsException.Conflict("orderId", $"Order {orderId} is {now.Status} and can no longer be cancelled.");
        }
        return await GetAsync(accountId, orderId, ct);
    }

    public async Task<OrderDto> GetAsync(Guid accountId, Guid orderId, CancellationToken ct) =>
        ToDto(await db.PaperOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.AccountId == accountId, ct)
              ?? throw AnalyticsException.NotFound("orderId", $"Order {orderId} does not exist in account {accountId}."));

    /// <param name="status">open (accepted or partially filled), or one status; null for all.</param>
    public async Task<(IReadOnlyList<OrderDto> Items, long Total)> ListAsync(Guid accountId, string? status, int skip, int take, CancellationToken ct)
    {
        await accounts.FindAsync(accountId, ct);
        var query = db.PaperOrders.AsNoTracking().Where(o => o.AccountId == accountId);
        query = status switch
        {
            null or "" => query,
            "open" => query.Where(o => o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled),
            _ => query.Where(o => o.Status == status),
        };
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(ToDto).ToList(), total);
    }

    public async Task<(IReadOnlyList<FillDto> Items, long Total)> FillsAsync(Guid accountId, Guid? orderId, int skip, int take, CancellationToken ct)
    {
        await accounts.FindAsync(accountId, ct);
        var query = db.PaperFills.AsNoTracking().Where(f => f.AccountId == accountId && (orderId == null || f.OrderId == orderId));
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(f => f.BarTime).ThenByDescending(f => f.CreatedAt).Skip(skip).Take(take)
            .Join(db.PaperOrders, f => f.OrderId, o => o.Id, (f, o) => new { f, o.Symbol, o.Side }).ToListAsync(ct);
        return (rows.Select(r => new FillDto(r.f.Id, r.f.OrderId, r.Symbol, r.Side, r.f.BarTime, r.f.Quantity, r.f.Price, r.f.Fee)).ToList(), total);
    }

    public async Task<IReadOnlyList<OrderEventDto>> EventsAsync(Guid accountId, Guid orderId, CancellationToken ct)
    {
        await GetAsync(accountId, orderId, ct);
        var rows = await db.PaperOrderEvents.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.Sequence).ToListAsync(ct);
        return rows.Select(e => new OrderEventDto(e.Sequence, e.Type, e.FromStatus, e.ToStatus, e.Reason, e.FillPrice, e.FillQuantity, e.Fee,
            e.BarTime, e.Time)).ToList();
    }

    private async Task<SubmitResult?> FindByClientIdAsync(Guid accountId, PaperOrder order, CancellationToken ct)
    {
        if (order.ClientOrderId is null)
            return null;
        var existing = await db.PaperOrders.AsNoTracking().FirstOrDefaultAsync(o => o.AccountId == accountId && o.ClientOrderId == order.ClientOrderId, ct);
        if (existing is null)
            return null;
        if (existing.RequestHash != order.RequestHash)
            throw AnalyticsException.Conflict("clientOrderId",
                $"clientOrderId '{order.ClientOrderId}' was already used for a different order ({existing.Id}).");
        return new SubmitResult(ToDto(existing), false);
    }

    /// <summary>The order as submitted, or 400 for a body that is not an order at all (the checks that reject an order come later).</summary>
    internal static PaperOrder Parse(Guid accountId, OrderInput input)
    {
        var symbol = input.Symbol?.Trim();
        if (string.IsNullOrEmpty(symbol) || symbol.Length > 64)
            throw AnalyticsException.Invalid("symbol", "symbol is required (at most 64 characters).");
        var side = input.Side?.Trim().ToLowerInvariant();
        if (side is null || !OrderSides.All.Contains(side))
            throw AnalyticsException.Invalid("side", "side must be buy or sell.");
        var type = input.Type?.Trim().ToLowerInvariant().Replace('-', '_');
        if (type is null || !OrderTypes.All.Contains(type))
            throw AnalyticsException.Invalid("type", $"type must be one of {string.Join(", ", OrderTypes.All)}.");
        var tif = input.TimeInForce?.Trim().ToLowerInvariant() ?? TimesInForce.Day;
        if (!TimesInForce.All.Contains(tif))
            throw AnalyticsException.Invalid("timeInForce", $"timeInForce must be one of {string.Join(", ", TimesInForce.All)}.");
        if (input.Quantity is not { } quantity)
            throw AnalyticsException.Invalid("quantity", "quantity is required.");
        if (Math.Abs(quantity) > MaxQuantity)
            throw AnalyticsException.Invalid("quantity", $"quantity must be at most {MaxQuantity:0e0}.");
        var limit = Price(input.LimitPrice, OrderTypes.HasLimit(type), "limitPrice", type);
        var stop = Price(input.StopPrice, OrderTypes.HasStop(type), "stopPrice", type);
        var clientId = string.IsNullOrWhiteSpace(input.ClientOrderId) ? null : input.ClientOrderId.Trim();
        if (clientId is { Length: > MaxClientOrderIdLength })
            throw AnalyticsException.Invalid("clientOrderId", $"clientOrderId must be at most {MaxClientOrderIdLength} characters.");

        var canonical = string.Join('|', symbol, side, type, quantity.ToString("R"), limit?.ToString("R"), stop?.ToString("R"), tif);
        return new PaperOrder
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, ClientOrderId = clientId,
            RequestHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))),
            Symbol = symbol, Side = side, Type = type, Quantity = quantity, LimitPrice = limit, StopPrice = stop, TimeInForce = tif,
            Status = OrderStatuses.New,
        };
    }

    private static double? Price(double? value, bool needed, string field, string type)
    {
        if (!needed)
        {
            if (value is not null)
                throw AnalyticsException.Invalid(field, $"A {type} order takes no {field}.");
            return null;
        }
        if (value is not { } v || !double.IsFinite(v) || v <= 0 || v > MaxQuantity)
            throw AnalyticsException.Invalid(field, $"A {type} order needs a positive {field}.");
        return v;
    }

    public static OrderDto ToDto(PaperOrder o) => new(
        o.Id, o.AccountId, o.ClientOrderId, o.Symbol, o.Side, o.Type, o.Quantity, o.LimitPrice, o.StopPrice, o.TimeInForce, o.Status,
        o.RejectCheck, o.RejectReason, o.FilledQuantity, o.FilledQuantity > 0 ? o.AverageFillPrice : null, o.FeesPaid, o.ExpiresAt,
        o.SubmittedAt, o.UpdatedAt);
}
