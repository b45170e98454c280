using InvestmentPlatform.Analytics.Risk;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <param name="BaseCurrency">The currency every value is in: the portfolio's base, or the one asked for with <c>currency=</c>.</param>
/// <param name="LocalReturn">The TWR the holdings earned in their own currencies (rates held still each day).</param>
/// <param name="CurrencyReturn">What exchange rates added: 1 + TWR = (1 + LocalReturn)(1 + CurrencyReturn).</param>
public sealed record PortfolioAnalyticsReport(
    Guid PortfolioId,
    string BaseCurrency,
    string? Benchmark,
    IReadOnlyList<PortfolioValuePoint> Value,
    LabelledReturn TimeWeightedReturn,
    LabelledReturn MoneyWeightedReturn,
    IReadOnlyList<HoldingContribution> Contributions,
    AssetRisk? Risk,
    LabelledReturn? LocalReturn = null,
    LabelledReturn? CurrencyReturn = null);

/// <param name="Value">Holdings plus cash, in the base currency.</param>
/// <param name="Benchmark">What the same external flows would be worth invested in the benchmark.</param>
/// <param name="Flow">External flows (deposits, implicit deposits, withdrawals) since the previous point.</param>
public sealed record PortfolioValuePoint(DateTime Time, double Value, double? Benchmark, double Flow);

/// <param name="Value">Over the whole window (not annualised).</param>
/// <param name="Annualized">Compounded to a year of 365 days.</param>
public sealed record LabelledReturn(string Label, double? Value, double? Annualized, string Description);

/// <summary>Sum over days of the holding's gain (price, currency and dividends) divided by the portfolio's value the day before.</summary>
public sealed record HoldingContribution(string Symbol, double Contribution);
