namespace InvestmentPlatform.Trading.Accounts;

/// <summary>A new paper account. Percentages are in percent (10 = 10 %); absent settings take the defaults.</summary>
/// <param name="StartAt">Time of the starting deposit (default now): fills on bars before it would find no cash.</param>
public sealed record PaperAccountInput(
    string? Name,
    string? BaseCurrency,
    double? StartingCash,
    DateTime? StartAt = null,
    string? Interval = null,
    bool? AllowShort = null,
    bool? MarginEnabled = null,
    double? Leverage = null,
    double? MaxPositionPercent = null,
    double? MaxOrderNotional = null,
    double? FeePerUnit = null,
    double? FeePercent = null,
    double? FeeMinimum = null,
    double? SlippageBps = null,
    double? ParticipationPercent = null);

public sealed record PaperAccountDto(
    Guid Id,
    string Name,
    string Kind,
    string BaseCurrency,
    double StartingCash,
    string Interval,
    bool AllowShort,
    bool MarginEnabled,
    double Leverage,
    double MaxPositionPercent,
    double? MaxOrderNotional,
    double FeePerUnit,
    double FeePercent,
    double FeeMinimum,
    double SlippageBps,
    double ParticipationPercent,
    DateTime CreatedAt);
