namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>The body of POST and PUT /api/portfolios; a PUT must carry the <c>version</c> it read.</summary>
public sealed record PortfolioInput(string? Name, string? BaseCurrency, string? CostBasisMethod, bool? AllowShort, string? BenchmarkSymbol,
    int? Version = null);

public sealed record PortfolioDto(
    Guid Id, string Name, string BaseCurrency, string CostBasisMethod, bool AllowShort, string? BenchmarkSymbol,
    DateTime CreatedAt, DateTime UpdatedAt, string Kind, int Version = 0);

public sealed record TransactionInput(
    string? Type, string? Symbol, DateTime? Time, double? Quantity, double? Price, double? Amount, double? Fee,
    string? Currency, string? Note, int? Version = null);

public sealed record TransactionDto(
    Guid Id, string Type, string? Symbol, DateTime Time, double Quantity, double Price, double Amount, double Fee,
    string Currency, string? Note, DateTime CreatedAt, int Version = 0);

public sealed record ImportError(int Line, string Message);

/// <param name="Mode">all-or-nothing (the default: any error stores nothing) or skip-invalid (the good lines were stored).</param>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors, string Mode);

public static class ImportModes
{
    public const string AllOrNothing = "all-or-nothing";
    public const string SkipInvalid = "skip-invalid";

    public static readonly IReadOnlyList<string> All = [AllOrNothing, SkipInvalid];
}

public sealed record HoldingsReport(
    string BaseCurrency,
    DateTime At,
    double Cash,
    IReadOnlyList<CashBalance> CashBalances,
    double TotalValue,
    IReadOnlyList<HoldingDto> Holdings);

/// <param name="Amount">In <paramref name="Currency"/>.</param>
/// <param name="AmountBase">In the portfolio's base currency.</param>
public sealed record CashBalance(string Currency, double Amount, double AmountBase);

/// <summary>Costs, prices and P&amp;L in the asset's <paramref name="Currency"/>; <paramref name="MarketValueBase"/> in the base currency.</summary>
public sealed record HoldingDto(
    string Symbol,
    double Quantity,
    double? AverageCost,
    double CostBasis,
    double? Price,
    string Currency,
    double? MarketValue,
    double? MarketValueBase,
    double? UnrealizedPnl,
    double RealizedPnl,
    double Income,
    double? Weight);
