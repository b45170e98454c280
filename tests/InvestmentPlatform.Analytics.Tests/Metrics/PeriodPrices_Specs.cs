using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Series;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_daily_prices_are_taken_by_week_or_month
{
    private static DateTime Utc(int month, int day) => new(2024, month, day, 0, 0, 0, DateTimeKind.Utc);

    // Friday 29 March, then Monday 1 April to Wednesday 3 April, then Sunday 7 April (a crypto day) and Monday 8 April.
    private static readonly TimeSeries Daily = new(
        [Utc(3, 29), Utc(4, 1), Utc(4, 2), Utc(4, 3), Utc(4, 7), Utc(4, 8)], [10, 11, 12, 13, 14, 15]);

    [Fact]
    public void Should_date_each_week_at_its_monday_and_price_it_at_its_last_day()
    {
        var weekly = PeriodPrices.Of(Daily, PeriodPrices.Weekly);

        Assert.Equal([Utc(3, 25), Utc(4, 1), Utc(4, 8)], weekly.Times);
        Assert.Equal([10.0, 14, 15], weekly.Values); // Sunday the 7th closes the week of 1 April
    }

    [Fact]
    public void Should_date_each_month_at_its_first_and_price_it_at_its_last_day()
    {
        var monthly = PeriodPrices.Of(Daily, PeriodPrices.Monthly);

        Assert.Equal([Utc(3, 1), Utc(4, 1)], monthly.Times);
        Assert.Equal([10.0, 15], monthly.Values);
    }

    [Fact]
    public void Should_leave_daily_prices_as_they_are()
    {
        Assert.Same(Daily, PeriodPrices.Of(Daily, PeriodPrices.Daily));
    }

    [Fact]
    public void Should_count_weekly_and_monthly_periods_a_year_unless_told()
    {
        var weekly = new AnalyticsParameters(["A"], null, null, Interval: "1wk");
        Assert.Equal(52, weekly.PeriodsPerYearFor("crypto"));
        Assert.Equal(12, (weekly with { Interval = "1mo" }).PeriodsPerYearFor("stock"));
        Assert.Equal(365, (weekly with { Interval = null }).PeriodsPerYearFor("crypto"));
        Assert.Equal(250, (weekly with { PeriodsPerYear = 250 }).PeriodsPerYearFor("stock"));
        // Daily is written as no interval, so a stored daily result keeps its key.
        Assert.Null((weekly with { Interval = "1d" }).Normalize().Interval);
        var bad = Assert.Throws<AnalyticsException>(() => (weekly with { Interval = "5m" }).Normalize().Validate());
        Assert.Equal(AnalyticsErrorKind.Invalid, bad.Kind);
    }
}
