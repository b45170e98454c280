using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;

namespace InvestmentPlatform.Trading.Brokerage;

/// <summary>The paper venue: an accepted order is tried at once against the bars stored after it, then on every new bar.</summary>
public sealed class PaperBrokerage(PaperFillEngine engine, OrderStore store) : IBrokerage
{
    public string Name => "paper";

    public Task PlaceAsync(Guid orderId, CancellationToken ct) => engine.ProcessOrderAsync(orderId, ct);

    public Task<bool> CancelAsync(Guid orderId, CancellationToken ct) =>
        store.ChangeAsync(orderId, order =>
        {
            if (!OrderStatuses.IsWorking(order.Status))
                return Task.FromResult(false);
            store.Move(order, OrderStatuses.Cancelled, new Transition(Reason: "requested"));
            return Task.FromResult(true);
        }, ct);
}
