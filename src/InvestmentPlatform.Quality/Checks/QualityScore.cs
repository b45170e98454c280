namespace InvestmentPlatform.Quality.Checks;

/// <summary>
/// A series' quality from 0 to 100: 100 × coverage × sanity × freshness, each from 0 to 1, over the last
/// <see cref="QualityOptions.ScoreBars"/> expected bars. Coverage: the share of expected bars stored. Sanity: the share
/// of stored bars without an open finding (quarantined bars and flat runs; an accepted finding no longer counts).
/// Freshness: 1 while the newest bar is at most <see cref="QualityOptions.StaleAfterBars"/> expected bars old, then
/// falling linearly to 0 at five times that.
/// </summary>
public readonly record struct QualityScore(double Score, double Coverage, double Sanity, double Freshness)
{
    public static QualityScore Compute(long expectedBars, long missingBars, long storedBars, long suspectBars, long barsSinceLast, int staleAfterBars)
    {
        var coverage = expectedBars <= 0 ? 1 : Math.Clamp((expectedBars - missingBars) / (double)expectedBars, 0, 1);
        var sanity = storedBars <= 0 ? 1 : Math.Clamp(1 - suspectBars / (double)storedBars, 0, 1);
        var freshness = barsSinceLast <= staleAfterBars ? 1 : Math.Clamp(1 - (barsSinceLast - staleAfterBars) / (4.0 * staleAfterBars), 0, 1);
        return new(Math.Round(100 * coverage * sanity * freshness, 1), coverage, sanity, freshness);
    }
}
