namespace InvestmentPlatform.Quality.Checks;

/// <summary>One stored bar as the checks see it; rates and economic values carry the value in all four prices.</summary>
public readonly record struct QualityBar(
    DateTime Time, double Open, double High, double Low, double Close, double? Volume = null, double Dividends = 0, double StockSplits = 0);

/// <summary>What a check found on one bar (or, for a gap or a flat run, on the first bar of a run).</summary>
public sealed record Finding(string Kind, DateTime BarTime, string Severity, string Detail)
{
    /// <summary>Bars the finding covers, for the score: a run's length, 1 for a single bar, the missing bars of a gap.</summary>
    public int Bars { get; init; } = 1;
}

public static class FindingKinds
{
    public const string Ohlc = "ohlc";
    public const string Gap = "gap";
    public const string Stale = "stale";
    public const string Outlier = "outlier";
    public const string Unit = "unit";
    public const string Flat = "flat";

    public static readonly IReadOnlyList<string> All = [Ohlc, Gap, Stale, Outlier, Unit, Flat];

    /// <summary>Kinds whose bars are quarantined: kept out of queries and analytics until a person accepts them.</summary>
    public static bool Quarantines(string kind) => kind is Ohlc or Outlier or Unit;
}

public static class Severities
{
    public const string Error = "error";
    public const string Warning = "warning";
}
