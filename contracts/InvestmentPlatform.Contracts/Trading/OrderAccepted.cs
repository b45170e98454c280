namespace InvestmentPlatform.Contracts.Trading;

/// <summary>v1. A paper order passed its pre-trade checks and is working.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AccountId">The paper account (a portfolio of kind paper).</param>
/// <param name="ClientOrderId">The caller's id for the order, if it gave one.</param>
/// <param name="Symbol">The asset traded.</param>
/// <param name="Side">buy or sell.</param>
/// <param name="Type">market, limit, stop or stop_limit.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="LimitPrice">Limit price of a limit or stop-limit order.</param>
/// <param name="StopPrice">Stop price of a stop or stop-limit order.</param>
/// <param name="TimeInForce">day, gtc or ioc.</param>
/// <param name="AcceptedAt">When it was accepted, UTC.</param>
public record OrderAccepted(
    Guid OrderId,
    Guid AccountId,
    string? ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    double Quantity,
    double? LimitPrice,
    double? StopPrice,
    string TimeInForce,
    DateTime AcceptedAt);
