namespace InvestmentPlatform.Trading.Brokerage;

/// <summary>
/// Where accepted orders go. The platform's door (<see cref="Orders.OrderService"/>) validates, de-duplicates and
/// risk-checks an order and stores it accepted; the brokerage then works it. The paper engine fills it on stored bars;
/// a broker connection would send it on and record the executions it reports through the same
/// <see cref="Orders.OrderStore"/>, so the audit trail, contracts and portfolio transactions stay the same.
/// </summary>
public interface IBrokerage
{
    /// <summary>A short name for logs and the API (paper).</summary>
    string Name { get; }

    /// <summary>Works an order that was just accepted.</summary>
    Task PlaceAsync(Guid orderId, CancellationToken ct);

    /// <summary>Cancels a working order; false when it is no longer working (filled, cancelled, expired meanwhile).</summary>
    Task<bool> CancelAsync(Guid orderId, CancellationToken ct);
}
