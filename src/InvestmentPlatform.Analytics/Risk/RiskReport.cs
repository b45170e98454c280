namespace InvestmentPlatform.Analytics.Risk;

public sealed record RiskReport(
    double Confidence,
    string? Benchmark,
    IReadOnlyList<AssetRisk> Assets,
    MatrixDto Correlation,
    MatrixDto Covariance);

/// <summary>One-period VaR and CVaR as positive fractions lost; beta and annualised alpha against the benchmark.</summary>
public sealed record AssetRisk(
    string Symbol,
    int Observations,
    double? HistoricalVaR,
    double? HistoricalCVaR,
    double? ParametricVaR,
    double? ParametricCVaR,
    double? Beta,
    double? Alpha);

/// <summary>Computed on the returns of the dates common to every symbol (<paramref name="Observations"/> returns).</summary>
public sealed record MatrixDto(IReadOnlyList<string> Symbols, int Observations, double?[][] Matrix);
