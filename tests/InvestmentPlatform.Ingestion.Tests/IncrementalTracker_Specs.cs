using InvestmentPlatform.Calendars;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Incremental;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_finding_gaps_in_stored_bars
{
    private static readonly IngestionOptions Options = new();
    private static readonly IExchangeCalendar Nyse = ExchangeCalendars.For("XNYS");
    private static DateTime D(int month, int day) => new(2024, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static List<DateTime> Weekdays(DateTime from, DateTime to) =>
        Enumerable.Range(0, (int)(to - from).TotalDays).Select(i => from.AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();

    [Fact]
    public void Should_ask_for_everything_when_nothing_is_stored() =>
        Assert.Equal([new TimeWindow(D(1, 1), D(2, 1))],
            IncrementalTracker.Gaps([], Nyse, "1d", D(1, 1), D(2, 1), Options));

    [Fact]
    public void Should_not_count_weekends_or_a_short_holiday_as_gaps_for_stocks()
    {
        var stored = Weekdays(D(1, 1), D(2, 1)).Where(d => d != D(1, 15)).ToList(); // Martin Luther King Jr. Day
        var windows = IncrementalTracker.Gaps(stored, Nyse, "1d", D(1, 1), D(2, 1), Options);
        Assert.Equal([new TimeWindow(D(1, 24), D(2, 1))], windows);
    }

    [Fact]
    public void Should_count_missing_weekend_days_for_crypto()
    {
        var stored = Enumerable.Range(0, 31).Select(i => D(1, 1).AddDays(i)).Where(d => d < D(1, 10) || d >= D(1, 14)).ToList();
        var windows = IncrementalTracker.Gaps(stored, ExchangeCalendars.For("CRYPTO"), "1d", D(1, 1), D(2, 1), Options);
        Assert.Equal([new TimeWindow(D(1, 10), D(1, 14)), new TimeWindow(D(1, 26), D(2, 1))], windows);
    }

    [Fact]
    public void Should_ask_for_the_head_before_the_first_stored_bar_and_merge_overlapping_windows()
    {
        var stored = Weekdays(D(1, 22), D(1, 27));
        var windows = IncrementalTracker.Gaps(stored, Nyse, "1d", D(1, 1), D(2, 1), Options);
        Assert.Equal([new TimeWindow(D(1, 1), D(2, 1))], windows);
    }

    [Fact]
    public void Should_step_the_overlap_back_by_the_configured_bars()
    {
        var stored = Weekdays(D(1, 1), D(2, 1));
        var windows = IncrementalTracker.Gaps(stored, Nyse, "1d", D(1, 1), D(3, 1), new IngestionOptions { OverlapBars = 1 });
        Assert.Equal([new TimeWindow(D(1, 30), D(3, 1))], windows);
    }

    [Fact]
    public void Should_not_count_Good_Friday_but_always_a_missing_Tuesday()
    {
        var stored = Weekdays(D(3, 1), D(4, 30)).Where(d => d != D(3, 29)).ToList();
        Assert.Equal([new TimeWindow(D(4, 22), D(4, 30))],
            IncrementalTracker.Gaps(stored, Nyse, "1d", D(3, 1), D(4, 30), Options));
        stored.Remove(D(3, 12));
        Assert.Equal([new TimeWindow(D(3, 12), D(3, 13)), new TimeWindow(D(4, 22), D(4, 30))],
            IncrementalTracker.Gaps(stored, Nyse, "1d", D(3, 1), D(4, 30), Options));
    }

    [Fact]
    public void Should_count_a_whole_missed_session_as_an_intraday_gap_but_not_the_night_or_a_holiday()
    {
        var nyse = Nyse;
        var bars = nyse.ExpectedBars("1h", D(3, 25), D(4, 3)).Where(t => t.Date != D(3, 27)).ToList();
        Assert.Equal(0, nyse.MissedBars("1h", D(3, 28).AddHours(20).AddMinutes(30), D(4, 1).AddHours(13).AddMinutes(30)));
        var windows = IncrementalTracker.Gaps(bars, nyse, "1h", D(3, 25), D(4, 3), Options);
        Assert.Equal(new TimeWindow(D(3, 26).AddHours(20).AddMinutes(30), D(3, 28).AddHours(13).AddMinutes(30)), windows[0]);
        Assert.Equal(2, windows.Count);
    }
}
