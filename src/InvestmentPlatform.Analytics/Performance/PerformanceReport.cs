namespace InvestmentPlatform.Analytics.Performance;

public sealed record PerformanceReport(
    AnalyticsConventions Conventions,
    AssetPerformance? Benchmark,
    IReadOnlyList<AssetPerformance> Assets);

/// <summary>The conventions every figure follows, echoed with each answer.</summary>
public sealed record AnalyticsConventions(
    string Returns,
    string Annualization,
    string Volatility,
    string RiskFree,
    double RiskFreeRate,
    string Sortino,
    string Drawdown,
    string MissingPrices);

public sealed record AssetPerformance(
    string Symbol,
    double PeriodsPerYear,
    int Observations,
    DateTime From,
    DateTime To,
    double? TotalReturn,
    double? AnnualizedReturn,
    double? AnnualizedVolatility,
    double? Sharpe,
    double? Sortino,
    MaxDrawdownDto MaxDrawdown,
    double? Calmar,
    PeriodReturn BestPeriod,
    PeriodReturn WorstPeriod,
    IReadOnlyList<DrawdownPoint> Drawdown,
    IReadOnlyList<RollingPointDto> Rolling,
    IReadOnlyList<CumulativePoint> Cumulative,
    IReadOnlyList<RollingBetaPoint>? RollingBeta);

public sealed record MaxDrawdownDto(double Depth, DateTime? Peak, DateTime? Trough, DateTime? Recovery);

public sealed record PeriodReturn(DateTime Time, double Return);

public sealed record DrawdownPoint(DateTime Time, double Drawdown);

/// <summary>Return compounded from the first price of the window to this one: W_i - 1 on the wealth curve.</summary>
public sealed record CumulativePoint(DateTime Time, double Return);

public sealed record RollingPointDto(DateTime Time, double? Return, double? Volatility, double? Sharpe);

/// <summary>Beta against the benchmark over the window of returns that ends at <paramref name="Time"/>, on the dates both share.</summary>
public sealed record RollingBetaPoint(DateTime Time, double? Beta);
