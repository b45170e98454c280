using InvestmentPlatform.Calendars;
using InvestmentPlatform.Quality.Checks;

namespace InvestmentPlatform.Quality.Tests;

/// <summary>Crafted series: a calm random walk on the NYSE's sessions, then one defect at a time.</summary>
public sealed class When_checking_a_crafted_series
{
    private static readonly IExchangeCalendar Nyse = ExchangeCalendars.For("XNYS");
    private static readonly QualityOptions Options = new();
    private static DateTime U(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime From = U(2024, 1, 2), To = U(2024, 6, 28);

    /// <summary>Daily bars on every NYSE session of the first half of 2024, closes moving ±0.1–1 % by a fixed pattern.</summary>
    private static List<QualityBar> Clean()
    {
        var bars = new List<QualityBar>();
        var close = 100.0;
        var i = 0;
        foreach (var t in Nyse.ExpectedBars("1d", From, To.AddDays(1)))
        {
            var open = close;
            close *= 1 + ((i * 7919 % 19) - 9) / 1000.0 + 0.0001;
            bars.Add(new(t, open, Math.Max(open, close) * 1.002, Math.Min(open, close) * 0.998, close, 1_000_000));
            i++;
        }
        return bars;
    }

    private static List<Finding> Check(List<QualityBar> bars, string assetType = "stock") =>
        QualityChecks.Run(bars, Nyse, "1d", assetType, From, To, Options);

    private static List<QualityBar> Scale(List<QualityBar> bars, int index, double f)
    {
        var b = bars[index];
        bars[index] = b with { Open = b.Open * f, High = b.High * f, Low = b.Low * f, Close = b.Close * f };
        return bars;
    }

    [Fact]
    public void Should_find_nothing_in_a_clean_series_with_Good_Friday_and_holidays_absent() =>
        Assert.Empty(Check(Clean()));

    [Fact]
    public void Should_find_each_broken_OHLC_rule_once_per_bar()
    {
        var bars = Clean();
        bars[10] = bars[10] with { High = Math.Max(bars[10].Open, bars[10].Close) * 0.99 };
        bars[20] = bars[20] with { Low = Math.Min(bars[20].Open, bars[20].Close) * 1.01 };
        bars[30] = bars[30] with { Volume = -5 };
        var findings = Check(bars).Where(f => f.Kind == FindingKinds.Ohlc).ToList();
        Assert.Equal([bars[10].Time, bars[20].Time, bars[30].Time], findings.Select(f => f.BarTime));
        Assert.All(findings, f => Assert.Equal(Severities.Error, f.Severity));
    }

    [Fact]
    public void Should_find_a_missing_Tuesday_but_not_Good_Friday()
    {
        var bars = Clean().Where(b => b.Time != U(2024, 3, 12)).ToList();
        var gap = Assert.Single(Check(bars));
        Assert.Equal((FindingKinds.Gap, U(2024, 3, 12), 1), (gap.Kind, gap.BarTime, gap.Bars));
    }

    [Fact]
    public void Should_report_a_run_of_missing_sessions_as_one_gap()
    {
        var bars = Clean().Where(b => b.Time < U(2024, 4, 8) || b.Time > U(2024, 4, 12)).ToList();
        var gap = Assert.Single(Check(bars));
        Assert.Equal((U(2024, 4, 8), 5), (gap.BarTime, gap.Bars));
    }

    [Fact]
    public void Should_expect_crypto_on_Sundays()
    {
        var crypto = ExchangeCalendars.For("CRYPTO");
        var bars = crypto.ExpectedBars("1d", U(2024, 3, 1), U(2024, 4, 1)).Where(t => t != U(2024, 3, 10))
            .Select(t => new QualityBar(t, 1, 1, 1, 1)).ToList();
        var gap = Assert.Single(QualityChecks.Gaps(bars, crypto, "1d", U(2024, 3, 1), U(2024, 3, 31)));
        Assert.Equal(U(2024, 3, 10), gap.BarTime);
        Assert.Equal(DayOfWeek.Sunday, gap.BarTime.DayOfWeek);
    }

    [Fact]
    public void Should_find_a_stale_series_after_more_than_three_missed_sessions()
    {
        Assert.Null(QualityChecks.Stale(U(2024, 6, 28), Nyse, "1d", U(2024, 7, 4), 3)); // 1, 2, 3 July; the 4th is a holiday
        var stale = QualityChecks.Stale(U(2024, 6, 28), Nyse, "1d", U(2024, 7, 6), 3);
        Assert.Equal(4, stale!.Bars); // 1, 2, 3 and 5 July
    }

    [Fact]
    public void Should_find_one_outlier_for_a_one_day_spike()
    {
        var bars = Scale(Clean(), 50, 1.3);
        var outlier = Assert.Single(Check(bars));
        Assert.Equal((FindingKinds.Outlier, bars[50].Time), (outlier.Kind, outlier.BarTime));
    }

    [Fact]
    public void Should_not_call_a_split_day_an_outlier()
    {
        var bars = Clean();
        for (var i = 60; i < bars.Count; i++)
            Scale(bars, i, 0.25);
        bars[60] = bars[60] with { StockSplits = 4 };
        Assert.Empty(Check(bars));
        bars[60] = bars[60] with { StockSplits = 0 };
        Assert.Equal(FindingKinds.Outlier, Assert.Single(Check(bars)).Kind);
    }

    [Fact]
    public void Should_find_a_GBp_day_among_GBP_days_as_a_unit_error_and_not_as_an_outlier()
    {
        var bars = Scale(Clean(), 70, 100);
        var unit = Assert.Single(Check(bars));
        Assert.Equal((FindingKinds.Unit, bars[70].Time, Severities.Error), (unit.Kind, unit.BarTime, unit.Severity));
    }

    [Fact]
    public void Should_find_three_pound_days_among_pence_days_as_three_unit_errors()
    {
        var bars = Clean();
        for (var i = 80; i < 83; i++)
            Scale(bars, i, 0.01);
        Assert.Equal([bars[80].Time, bars[81].Time, bars[82].Time], Check(bars).Where(f => f.Kind == FindingKinds.Unit).Select(f => f.BarTime));
        Assert.DoesNotContain(Check(bars), f => f.Kind == FindingKinds.Outlier);
    }

    [Fact]
    public void Should_find_a_flat_run_on_a_traded_asset_but_not_on_an_economic_series()
    {
        var bars = Clean();
        for (var i = 90; i < 96; i++)
            bars[i] = bars[i] with { Open = bars[89].Close, High = bars[89].Close, Low = bars[89].Close, Close = bars[89].Close };
        var flat = Assert.Single(Check(bars));
        Assert.Equal((FindingKinds.Flat, bars[89].Time, 7), (flat.Kind, flat.BarTime, flat.Bars));
        Assert.DoesNotContain(Check(bars, "economic_indicator"), f => f.Kind == FindingKinds.Flat);
    }

    [Fact]
    public void Should_report_only_bars_in_the_changed_range()
    {
        var bars = Scale(Clean(), 50, 1.3);
        Assert.Empty(QualityChecks.Run(bars, Nyse, "1d", "stock", bars[51].Time, To, Options));
    }

    [Fact]
    public void Should_find_an_intraday_session_with_no_bar_but_not_the_nights_or_Good_Friday()
    {
        var bars = Nyse.ExpectedBars("1h", U(2024, 3, 25), U(2024, 4, 3)).Where(t => t.Date != U(2024, 3, 27))
            .Select(t => new QualityBar(t, 1, 1, 1, 1)).ToList();
        var gap = Assert.Single(QualityChecks.Gaps(bars, Nyse, "1h", U(2024, 3, 25), bars[^1].Time));
        Assert.Equal((new DateTime(2024, 3, 27, 13, 30, 0, DateTimeKind.Utc), 7), (gap.BarTime, gap.Bars));
    }
}

public sealed class When_scoring_a_series
{
    [Fact]
    public void Should_multiply_coverage_sanity_and_freshness()
    {
        var s = QualityScore.Compute(expectedBars: 250, missingBars: 25, storedBars: 225, suspectBars: 9, barsSinceLast: 5, staleAfterBars: 3);
        Assert.Equal(0.9, s.Coverage, 12);
        Assert.Equal(0.96, s.Sanity, 12);
        Assert.Equal(1 - 2 / 12.0, s.Freshness, 12);
        Assert.Equal(72.0, s.Score);
        Assert.Equal(100, QualityScore.Compute(250, 0, 250, 0, 0, 3).Score);
        Assert.Equal(0, QualityScore.Compute(250, 0, 250, 0, 15, 3).Score);
    }
}

public sealed class When_taking_the_median_of_returns
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(1_001)]
    [InlineData(100_000)]
    public void Should_match_the_middle_of_the_sorted_values_for_any_count(int count)
    {
        var random = new Random(count);
        // Many repeats and both signs: equal values are where a selection goes wrong.
        var values = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 40 - 20) / 7).ToArray();
        var sorted = values.Order().ToArray();
        var expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;

        Assert.Equal(expected, QualityChecks.Median(values));
        Assert.Equal(0, QualityChecks.Median([]));
        Assert.Equal(5, QualityChecks.Median([5, 5, 5, 5]));
    }
}
