using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Data.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Trading.Orders;

/// <summary>Details of a transition for its event row and message.</summary>
public sealed record Transition(string? Reason = null, string? Check = null, double? FillPrice = null, double? FillQuantity = null,
    double? Fee = null, DateTime? BarTime = null);

/// <summary>
/// An order's state is its <c>paper_orders</c> row. Every change is one SaveChanges that checks the row's version
/// (optimistic concurrency, as the scheduler's runs), appends one event row per transition and stages the transition's
/// contract in the outbox: the state, its audit trail and its announcement commit together or not at all.
/// </summary>
public sealed class OrderStore(PlatformDbContext db, TradingClock clock, ILogger<OrderStore> logger)
{
    private const int ConflictAttempts = 5;

    public DateTime Now => clock.UtcNow;

    /// <summary>
    /// Loads the order, lets <paramref name="change"/> apply transitions through <see cref="Move"/>, and saves with the
    /// version check; on a conflict (another worker moved it, a fill for the same bar exists) it reads the order again
    /// and asks once more, so the change is applied to the state that won.
    /// </summary>
    public async Task<bool> ChangeAsync(Guid orderId, Func<PaperOrder, Task<bool>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var order = await db.PaperOrders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null || !await change(order))
                return false;
            order.Version++;
            order.UpdatedAt = Now;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts)
            {
                logger.LogDebug(ex, "Order {OrderId} changed concurrently; reading it again", orderId);
            }
        }
    }

    /// <summary>Moves the order to <paramref name="to"/> (checked against <see cref="OrderTransitions"/>), appends its event row and message.</summary>
    public void Move(PaperOrder order, string to, Transition? details = null)
    {
        details ??= new Transition();
        var from = order.Status;
        OrderTransitions.Check(order.Id, from, to);
        order.Status = to;
        Append(order, to, from, details);
        Announce(order, to, details);
    }

    /// <summary>The first event of every order: it exists, in state new.</summary>
    public void Submitted(PaperOrder order) => Append(order, OrderEventTypes.Submitted, null, new Transition());

    /// <summary>An adjustment that leaves the state as it is (a split): an event row of its own, no transition, no message.</summary>
    public void Adjusted(PaperOrder order, string type, string reason, DateTime barTime) =>
        Append(order, type, order.Status, new Transition(Reason: reason, BarTime: barTime));

    private void Append(PaperOrder order, string type, string? from, Transition details)
    {
        order.Events++;
        db.PaperOrderEvents.Add(new PaperOrderEvent
        {
            OrderId = order.Id,
            Sequence = order.Events,
            Type = type,
            FromStatus = from,
            ToStatus = order.Status,
            Reason = details.Reason,
            FillPrice = details.FillPrice,
            FillQuantity = details.FillQuantity,
            Fee = details.Fee,
            BarTime = details.BarTime,
            Time = Now,
        });
    }

    private void Announce(PaperOrder o, string to, Transition d)
    {
        switch (to)
        {
            case OrderStatuses.Accepted:
                db.EnqueuePublish(new OrderAccepted(o.Id, o.AccountId, o.ClientOrderId, o.Symbol, o.Side, o.Type, o.Quantity,
                    o.LimitPrice, o.StopPrice, o.TimeInForce, Now), o.Id);
                break;
            case OrderStatuses.Rejected:
                db.EnqueuePublish(new OrderRejected(o.Id, o.AccountId, o.ClientOrderId, o.Symbol, d.Check ?? "", d.Reason ?? "", Now), o.Id);
                break;
            case OrderStatuses.PartiallyFilled or OrderStatuses.Filled:
                db.EnqueuePublish(new OrderFilled(o.Id, o.AccountId, o.Symbol, o.Side, d.FillPrice ?? 0, d.FillQuantity ?? 0, d.Fee ?? 0,
                    o.FilledQuantity, Math.Max(0, o.Quantity - o.FilledQuantity), to, d.BarTime ?? Now, Now), o.Id);
                break;
            case OrderStatuses.Cancelled:
                db.EnqueuePublish(new OrderCancelled(o.Id, o.AccountId, o.FilledQuantity, d.Reason ?? "requested", Now), o.Id);
                break;
            case OrderStatuses.Expired:
                db.EnqueuePublish(new OrderExpired(o.Id, o.AccountId, o.FilledQuantity, o.ExpiresAt ?? Now), o.Id);
                break;
        }
    }
}
