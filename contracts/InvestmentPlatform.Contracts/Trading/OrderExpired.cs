namespace InvestmentPlatform.Contracts.Trading;

/// <summary>v1. A day order reached the end of its session on the asset's exchange calendar without filling in full.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AccountId">The paper account.</param>
/// <param name="FilledQuantity">Units filled before it expired; they stay filled.</param>
/// <param name="ExpiredAt">The session end it expired at, UTC.</param>
public record OrderExpired(
    Guid OrderId,
    Guid AccountId,
    double FilledQuantity,
    DateTime ExpiredAt);
