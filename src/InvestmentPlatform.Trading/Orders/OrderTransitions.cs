using InvestmentPlatform.Contracts.Trading;

namespace InvestmentPlatform.Trading.Orders;

/// <summary>
/// Where an order may go from each state: the one table every change of an order is checked against. A table, not a
/// state-machine library: the states carry no behaviour of their own, and the persistence (version check, event row,
/// outbox message in one SaveChanges) is ours either way. A finished order (rejected, filled, cancelled, expired)
/// never moves again, so a late bar, a second worker or a repeated cancel changes nothing.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [OrderStatuses.New] = [OrderStatuses.Accepted, OrderStatuses.Rejected],
        [OrderStatuses.Accepted] = [OrderStatuses.PartiallyFilled, OrderStatuses.Filled, OrderStatuses.Cancelled, OrderStatuses.Expired],
        // Each further partial fill is a transition of its own (and an event row of its own).
        [OrderStatuses.PartiallyFilled] = [OrderStatuses.PartiallyFilled, OrderStatuses.Filled, OrderStatuses.Cancelled, OrderStatuses.Expired],
    };

    public static bool CanMove(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Throws when the move is not in the table: a bug, never a user's mistake.</summary>
    public static void Check(Guid orderId, string from, string to)
    {
        if (!CanMove(from, to))
            throw new InvalidOperationException($"Order {orderId} cannot move from {from} to {to}.");
    }
}
