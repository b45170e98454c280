using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Calendars;

/// <summary>
/// The platform's market calendars, and which one an asset follows. Holidays of 2000–2030 come from the shipped files
/// in <c>Holidays/</c>; outside those years only weekends are known.
/// </summary>
public static class ExchangeCalendars
{
    public const string Nyse = "XNYS";
    public const string London = "XLON";
    public const string Xetra = "XETR";
    public const string Crypto = "CRYPTO";
    public const string Forex = "FX";
    public const string FredDaily = "FRED-D";
    public const string FredPeriodic = "FRED";
    public const string Weekdays = "WEEKDAYS";

    public static readonly DateOnly CoveredFrom = new(2000, 1, 1);
    public static readonly DateOnly CoveredTo = new(2030, 12, 31);

    private static readonly Lazy<IReadOnlyDictionary<string, IExchangeCalendar>> All = new(Build);

    /// <summary>Every calendar code.</summary>
    public static IReadOnlyCollection<string> Codes => All.Value.Keys.ToList();

    /// <summary>The calendar of <paramref name="code"/> (case-insensitive); throws for an unknown code.</summary>
    public static IExchangeCalendar For(string code) =>
        All.Value.TryGetValue(code.ToUpperInvariant(), out var c) ? c : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown calendar");

    /// <summary>
    /// The calendar an asset follows: crypto around the clock, forex Sunday to Friday 17:00 New York, economic series
    /// by frequency (<paramref name="interval"/> 1d: US federal business days; coarser: every period), stocks, bonds
    /// and commodities by their exchange (Yahoo's exchange names or the symbol's suffix), NYSE for US listings without
    /// a suffix, and plain weekdays for an exchange this model does not know.
    /// </summary>
    public static IExchangeCalendar ForAsset(string assetType, string? exchange, string? symbol = null, string? interval = null) =>
        For(CodeForAsset(assetType, exchange, symbol, interval));

    public static string CodeForAsset(string assetType, string? exchange, string? symbol = null, string? interval = null)
    {
        switch (assetType)
        {
            case AssetTypes.Crypto: return Crypto;
            case AssetTypes.Forex: return Forex;
            case AssetTypes.EconomicIndicator: return interval is null or "1d" ? FredDaily : FredPeriodic;
        }
        var ex = (exchange ?? "").ToUpperInvariant().Replace(" ", "");
        var sym = (symbol ?? "").ToUpperInvariant();
        if (ex is "LSE" or "XLON" or "IOB" || ex.Contains("LONDON") || sym.EndsWith(".L", StringComparison.Ordinal))
            return London;
        if (ex is "XETRA" or "XETR" or "GER" || sym.EndsWith(".DE", StringComparison.Ordinal))
            return Xetra;
        if (ex is "" or "NYSE" or "NYQ" or "NMS" or "NGM" or "NCM" or "NAS" or "NASDAQ" or "PCX" or "ASE" or "BTS" or "XNYS" or "XNAS"
            || ex.StartsWith("NASDAQ", StringComparison.Ordinal) || ex.StartsWith("NYSE", StringComparison.Ordinal))
            return sym.Contains('.') && !sym.EndsWith(".US", StringComparison.Ordinal) && ex is "" ? Weekdays : Nyse;
        return Weekdays;
    }

    private static IReadOnlyDictionary<string, IExchangeCalendar> Build()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        static bool MondayToFriday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        static bool EveryDay(DateOnly d) => true;
        var day = TimeSpan.FromDays(1);
        IExchangeCalendar[] calendars =
        [
            new MarketCalendar(Nyse, newYork, new(9, 30, 0), new(16, 0, 0), new(13, 0, 0), MondayToFriday, HolidayFile.Load(Nyse), CoveredFrom, CoveredTo),
            new MarketCalendar(London, london, new(8, 0, 0), new(16, 30, 0), new(12, 30, 0), MondayToFriday, HolidayFile.Load(London), CoveredFrom, CoveredTo),
            new MarketCalendar(Xetra, berlin, new(9, 0, 0), new(17, 30, 0), new(14, 0, 0), MondayToFriday, HolidayFile.Load(Xetra), CoveredFrom, CoveredTo),
            new MarketCalendar(Crypto, TimeZoneInfo.Utc, TimeSpan.Zero, day, null, EveryDay, []),
            // The FX trading date D runs from 17:00 New York on D−1 to 17:00 on D, Monday to Friday: Sunday 17:00 to Friday 17:00.
            new MarketCalendar(Forex, newYork, TimeSpan.FromHours(-7), TimeSpan.FromHours(17), null, MondayToFriday, []),
            new MarketCalendar(FredDaily, TimeZoneInfo.Utc, TimeSpan.Zero, day, null, MondayToFriday, HolidayFile.Load(FredDaily), CoveredFrom, CoveredTo),
            new MarketCalendar(FredPeriodic, TimeZoneInfo.Utc, TimeSpan.Zero, day, null, EveryDay, []),
            new MarketCalendar(Weekdays, TimeZoneInfo.Utc, TimeSpan.Zero, day, null, MondayToFriday, []),
        ];
        return calendars.ToDictionary(c => c.Code);
    }
}
