namespace InvestmentPlatform.Contracts.Trading;

/// <summary>v1. A working paper order was cancelled by its owner, or its immediate-or-cancel remainder was.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AccountId">The paper account.</param>
/// <param name="FilledQuantity">Units filled before the cancel; they stay filled.</param>
/// <param name="Reason">Why (requested, or the immediate-or-cancel remainder).</param>
/// <param name="CancelledAt">When, UTC.</param>
public record OrderCancelled(
    Guid OrderId,
    Guid AccountId,
    double FilledQuantity,
    string Reason,
    DateTime CancelledAt);
