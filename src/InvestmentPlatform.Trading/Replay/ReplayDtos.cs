namespace InvestmentPlatform.Trading.Replay;

/// <summary>A replay: timestamped orders worked over the stored bars from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">First bar time worked (inclusive), UTC.</param>
/// <param name="To">Last bar time worked (inclusive), UTC.</param>
/// <param name="StartingCash">Cash at the start; the account's starting cash when absent.</param>
public sealed record ReplayInput(DateTime? From, DateTime? To, IReadOnlyList<ReplayOrderInput?>? Orders, double? StartingCash = null);

/// <summary>One order of a replay, placed at <paramref name="At"/>: only bars after that time can fill it.</summary>
/// <param name="TimeInForce">gtc (default in a replay), day or ioc.</param>
public sealed record ReplayOrderInput(
    DateTime? At,
    string? Symbol,
    string? Side,
    string? Type,
    double? Quantity,
    double? LimitPrice = null,
    double? StopPrice = null,
    string? TimeInForce = null,
    string? ClientOrderId = null);

/// <summary>A replay and how far it got; <paramref name="Result"/> once it succeeded.</summary>
/// <param name="Done">Bar times worked so far.</param>
/// <param name="Total">Bar times in the range.</param>
public sealed record ReplayDto(
    Guid Id,
    Guid AccountId,
    string Status,
    DateTime From,
    DateTime To,
    int Orders,
    int Done,
    int Total,
    string? Error,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    ReplayResult? Result);

/// <param name="ReturnPercent">(final equity / starting cash − 1) × 100.</param>
public sealed record ReplayResult(
    double StartingCash,
    double FinalEquity,
    double FinalCash,
    double ReturnPercent,
    int FillCount,
    double FeesPaid,
    IReadOnlyList<ReplayOrderResult> Orders,
    IReadOnlyList<ReplayFill> Fills,
    IReadOnlyList<EquityPoint> EquityCurve);

/// <summary>What became of one order of the request (same <paramref name="Index"/> as in it).</summary>
/// <param name="Status">accepted or partially_filled (still working at the end), filled, rejected, cancelled or expired.</param>
/// <param name="Quantity">Units ordered, after any split.</param>
public sealed record ReplayOrderResult(
    int Index,
    string? ClientOrderId,
    string Symbol,
    string Status,
    double Quantity,
    double FilledQuantity,
    double? AverageFillPrice,
    double FeesPaid,
    string? RejectCheck,
    string? Reason);

public sealed record ReplayFill(int Order, string Symbol, string Side, DateTime BarTime, double Quantity, double Price, double Fee);

/// <summary>The account's value at the close of one bar time: cash plus each position at its latest close.</summary>
public sealed record EquityPoint(DateTime Time, double Equity, double Cash);
