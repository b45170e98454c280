using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// When a synthetic asset trades, as windows of UTC time: stocks in their exchange's sessions (the exchange is read off
/// the symbol's suffix, as Yahoo writes it), FX and futures from Sunday 17:00 to Friday 17:00 New York time, crypto
/// always. Where the platform has the exchange's calendar its holidays and early closes apply, so the demo data has the
/// same gaps a real provider's has; elsewhere every weekday is a session.
/// </summary>
internal sealed class SyntheticSessions
{
    private readonly Func<DateTime, DateTime, IEnumerable<(DateTime Open, DateTime Close)>> _windows;

    public SyntheticSessions(string symbol, string assetType)
    {
        Exchange = ExchangeOf(symbol, assetType);
        _windows = Exchange.Kind switch
        {
            SessionKind.Always => (from, to) => [(from, to)],
            SessionKind.Weekly => WeeklyWindows,
            _ => DailyWindows,
        };
    }

    public SyntheticExchange Exchange { get; }

    /// <summary>The trading windows that overlap [from, to), clipped to it, in time order.</summary>
    public IEnumerable<(DateTime Open, DateTime Close)> Windows(DateTime from, DateTime to) => _windows(from, to);

    private IEnumerable<(DateTime Open, DateTime Close)> DailyWindows(DateTime from, DateTime to)
    {
        // A session in a zone west or east of UTC can start on the UTC day before or end on the day after.
        var sessions = Exchange.Calendar is { } calendar
            ? calendar.Sessions(DateOnly.FromDateTime(from).AddDays(-1), DateOnly.FromDateTime(to).AddDays(1)).Select(s => (s.Open, s.Close))
            : Weekdays(from, to);
        foreach (var (open, close) in sessions)
            if (close > from && open < to)
                yield return (Max(open, from), Min(close, to));
    }

    private IEnumerable<(DateTime Open, DateTime Close)> Weekdays(DateTime from, DateTime to)
    {
        for (var day = from.Date.AddDays(-1); day < to; day = day.AddDays(1))
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                yield return (ToUtc(day + Exchange.Open), ToUtc(day + Exchange.Close));
    }

    private IEnumerable<(DateTime Open, DateTime Close)> WeeklyWindows(DateTime from, DateTime to)
    {
        var sunday = from.Date.AddDays(-(int)from.DayOfWeek - 7);
        for (; sunday < to; sunday = sunday.AddDays(7))
        {
            var open = ToUtc(sunday + Exchange.Open);
            var close = ToUtc(sunday.AddDays(5) + Exchange.Close);
            if (close > from && open < to)
                yield return (Max(open, from), Min(close, to));
        }
    }

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Exchange.Zone);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static SyntheticExchange ExchangeOf(string symbol, string assetType) => assetType switch
    {
        AssetTypes.Crypto => new("CCC", "24/7", TimeZoneInfo.Utc, TimeSpan.Zero, TimeSpan.Zero, SessionKind.Always, null),
        AssetTypes.Forex => new("FX", "Sunday 17:00 to Friday 17:00 New York", NewYork, TimeSpan.FromHours(17), TimeSpan.FromHours(17), SessionKind.Weekly, null),
        AssetTypes.Commodity => new("CME", "Sunday 17:00 to Friday 17:00 New York", NewYork, TimeSpan.FromHours(17), TimeSpan.FromHours(17), SessionKind.Weekly, null),
        _ => symbol.ToUpperInvariant() switch
        {
            var s when s.EndsWith(".L", StringComparison.Ordinal) => Regular("LSE", "Europe/London", new(8, 0, 0), new(16, 30, 0), ExchangeCalendars.London),
            var s when s.EndsWith(".DE", StringComparison.Ordinal) => Regular("XETRA", "Europe/Berlin", new(9, 0, 0), new(17, 30, 0), ExchangeCalendars.Xetra),
            var s when s.EndsWith(".PA", StringComparison.Ordinal) => Regular("EPA", "Europe/Paris", new(9, 0, 0), new(17, 30, 0), null),
            var s when s.EndsWith(".T", StringComparison.Ordinal) => Regular("TSE", "Asia/Tokyo", new(9, 0, 0), new(15, 0, 0), null),
            _ => Regular("NASDAQ", "America/New_York", new(9, 30, 0), new(16, 0, 0), ExchangeCalendars.Nyse),
        },
    };

    private static SyntheticExchange Regular(string name, string zone, TimeSpan open, TimeSpan close, string? calendar) =>
        new(name, $"weekdays {open:hh\\:mm}–{close:hh\\:mm} {zone}" + (calendar is null ? "" : $", {calendar} holidays and early closes"),
            TimeZoneInfo.FindSystemTimeZoneById(zone), open, close, SessionKind.Daily, calendar is null ? null : ExchangeCalendars.For(calendar));
}

internal enum SessionKind
{
    Always,
    Weekly,
    Daily,
}

/// <summary>
/// Where a synthetic asset trades: the exchange's name, its hours in words, the local hours that drive the sessions, and
/// the calendar whose holidays and early closes apply, where the platform has one.
/// </summary>
internal sealed record SyntheticExchange(string Name, string Hours, TimeZoneInfo Zone, TimeSpan Open, TimeSpan Close, SessionKind Kind, IExchangeCalendar? Calendar);
