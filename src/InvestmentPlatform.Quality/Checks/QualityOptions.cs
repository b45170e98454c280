namespace InvestmentPlatform.Quality.Checks;

/// <summary>Parameters of the checks and the score (<c>Quality__*</c>); docs/data-quality.md explains each.</summary>
public sealed class QualityOptions
{
    /// <summary>Bars before a load's first row that are checked with it, so a return or run across the boundary is seen.</summary>
    public int LookbackBars { get; set; } = 60;

    /// <summary>Expected bars, back from the series' newest bar, that the score covers.</summary>
    public int ScoreBars { get; set; } = 250;

    /// <summary>A series is stale when more than this many expected bars (sessions, intraday) passed since its newest bar.</summary>
    public int StaleAfterBars { get; set; } = 3;

    /// <summary>Robust z-score of a log return beyond which it is an outlier.</summary>
    public double OutlierZ { get; set; } = 10;

    /// <summary>Fewest returns in the window before outliers are judged (a median of few returns says little).</summary>
    public int OutlierMinReturns { get; set; } = 20;

    /// <summary>A jump within this factor of 100 (either way) is a unit error when it reverts.</summary>
    public double UnitTolerance { get; set; } = 1.25;

    /// <summary>Bars within which a 100× jump must revert to be a unit error.</summary>
    public int UnitRevertBars { get; set; } = 10;

    /// <summary>Equal closes in a row, on a traded asset, that make a flat run.</summary>
    public int FlatRunBars { get; set; } = 5;
}
