namespace InvestmentPlatform.Trading.Orders;

/// <param name="ClientOrderId">The caller's id: submitting the same body with it again returns the first order; another body is 409.</param>
/// <param name="Type">market, limit, stop or stop_limit.</param>
/// <param name="TimeInForce">day (default), gtc or ioc.</param>
public sealed record OrderInput(
    string? Symbol,
    string? Side,
    string? Type,
    double? Quantity,
    double? LimitPrice = null,
    double? StopPrice = null,
    string? TimeInForce = null,
    string? ClientOrderId = null);

public sealed record OrderDto(
    Guid Id,
    Guid AccountId,
    string? ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    double Quantity,
    double? LimitPrice,
    double? StopPrice,
    string TimeInForce,
    string Status,
    string? RejectCheck,
    string? RejectReason,
    double FilledQuantity,
    double? AverageFillPrice,
    double FeesPaid,
    DateTime? ExpiresAt,
    DateTime SubmittedAt,
    DateTime UpdatedAt);

/// <summary>The outcome of a submission: the order, and whether this call created it (false for a retried client order id).</summary>
public sealed record SubmitResult(OrderDto Order, bool Created);

public sealed record FillDto(Guid Id, Guid OrderId, string Symbol, string Side, DateTime BarTime, double Quantity, double Price, double Fee);

public sealed record OrderEventDto(
    int Sequence, string Type, string? FromStatus, string ToStatus, string? Reason, double? FillPrice, double? FillQuantity, double? Fee,
    DateTime? BarTime, DateTime Time);
