namespace InvestmentPlatform.Contracts.Trading;

/// <summary>v1. A paper order filled in part or in full on one bar.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AccountId">The paper account.</param>
/// <param name="Symbol">The asset traded.</param>
/// <param name="Side">buy or sell.</param>
/// <param name="FillPrice">Price of this fill, slippage included.</param>
/// <param name="FillQuantity">Units of this fill.</param>
/// <param name="Fee">Fee charged for this fill, in the asset's currency.</param>
/// <param name="FilledQuantity">Units filled so far, this fill included.</param>
/// <param name="RemainingQuantity">Units still working; 0 when <paramref name="Status"/> is filled.</param>
/// <param name="Status">partially_filled or filled.</param>
/// <param name="BarTime">Start time of the bar that filled it, UTC; also the transaction's time in the portfolio.</param>
/// <param name="FilledAt">When the fill was recorded, UTC.</param>
public record OrderFilled(
    Guid OrderId,
    Guid AccountId,
    string Symbol,
    string Side,
    double FillPrice,
    double FillQuantity,
    double Fee,
    double FilledQuantity,
    double RemainingQuantity,
    string Status,
    DateTime BarTime,
    DateTime FilledAt);
