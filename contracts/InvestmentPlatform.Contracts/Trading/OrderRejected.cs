namespace InvestmentPlatform.Contracts.Trading;

/// <summary>v1. A paper order failed a pre-trade check; it is stored with the reason and never works.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AccountId">The paper account.</param>
/// <param name="ClientOrderId">The caller's id for the order, if it gave one.</param>
/// <param name="Symbol">The asset it would have traded.</param>
/// <param name="Check">The check that refused it (buying_power, max_position, max_notional, unknown_symbol, no_data, market_closed, quantity, fractional, short_selling).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RejectedAt">When, UTC.</param>
public record OrderRejected(
    Guid OrderId,
    Guid AccountId,
    string? ClientOrderId,
    string Symbol,
    string Check,
    string Reason,
    DateTime RejectedAt);
