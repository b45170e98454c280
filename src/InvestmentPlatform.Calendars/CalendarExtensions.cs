using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Calendars;

/// <summary>Counting with a calendar: what gap finding, quality checks and stale-data rules all need.</summary>
public static class CalendarExtensions
{
    private static readonly DateTime Floor = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Bars the calendar expects in [<paramref name="from"/>, <paramref name="to"/>) that a series would miss if it had none
    /// there. For intraday intervals this counts the sessions lying wholly inside, since a thin market skips bars
    /// without trades and only a session with no bar at all is surely missing.
    /// </summary>
    public static long MissedBars(this IExchangeCalendar calendar, string interval, DateTime from, DateTime to)
    {
        if (from >= to)
            return 0;
        if (BarIntervals.Length(interval) >= TimeSpan.FromDays(1))
            return calendar.ExpectedBars(interval, from, to).LongCount();
        return calendar.Sessions(DateOnly.FromDateTime(from).AddDays(-1), DateOnly.FromDateTime(to).AddDays(1))
            .LongCount(s => s.Open >= from && s.Close <= to);
    }

    /// <summary>The start of the expected bar <paramref name="bars"/> bars before <paramref name="t"/> (t itself when 0).</summary>
    public static DateTime BarsBack(this IExchangeCalendar calendar, string interval, DateTime t, int bars)
    {
        if (bars <= 0)
            return t;
        var length = BarIntervals.Length(interval);
        // Widen the look until enough expected bars are in it; a calendar with none (far outside its years) falls back.
        var span = TimeSpan.FromTicks(length.Ticks * bars * 2) + TimeSpan.FromDays(10);
        for (var i = 0; i < 8; i++, span *= 2)
        {
            var start = t.Ticks - Floor.Ticks > span.Ticks ? t - span : Floor;
            var expected = calendar.ExpectedBars(interval, start, t).ToList();
            if (expected.Count >= bars)
                return expected[^bars];
        }
        return t - TimeSpan.FromTicks(length.Ticks * bars);
    }
}
