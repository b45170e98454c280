using InvestmentPlatform.Calendars;

namespace InvestmentPlatform.Trading.Calendars;

/// <summary>
/// When a paper order can trade and when a day order ends, on the platform's exchange calendars
/// (<see cref="ExchangeCalendars.ForAsset"/>: its exchange, else its symbol's suffix, else NYSE for a stock): the
/// sessions, holidays and early closes that gap finding and the quality checks use too.
/// </summary>
public static class TradingHours
{
    public static bool IsOpen(this IExchangeCalendar calendar, DateTime utc) => calendar.SessionAt(utc) is not null;

    /// <summary>The session that contains <paramref name="utc"/>, or null when the market is closed.</summary>
    public static Session? SessionAt(this IExchangeCalendar calendar, DateTime utc)
    {
        // A session is dated by the market's own day: one that opened the evening before (FX) may still be running.
        var day = DateOnly.FromDateTime(utc);
        foreach (var s in calendar.Sessions(day.AddDays(-1), day.AddDays(1)))
            if (s.Open <= utc && utc < s.Close)
                return s;
        return null;
    }

    /// <summary>The end of the session an order placed at <paramref name="utc"/> lives in: the current one, else the next.</summary>
    public static DateTime SessionEndFor(this IExchangeCalendar calendar, DateTime utc)
    {
        if (calendar.SessionAt(utc) is { } current)
            return current.Close;
        var day = DateOnly.FromDateTime(utc);
        foreach (var s in calendar.Sessions(day, day.AddDays(15)))
            if (s.Open > utc)
                return s.Close;
        throw new InvalidOperationException($"{calendar.Code} has no session in the 15 days after {utc:O}.");
    }
}
