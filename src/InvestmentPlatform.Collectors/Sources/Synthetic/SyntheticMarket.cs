using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// One price path per (seed, symbol): geometric Brownian motion sampled every minute of calendar time, its volatility
/// clustering from day to day (<see cref="SyntheticVolatility"/>). A bar of any
/// interval is the aggregate of the path's one-minute bars inside the asset's sessions, so 1m, 5m, 1h and 1d bars of a
/// symbol agree exactly when resampled, and the time a market is closed shows as the gap between one session's close
/// and the next one's open. Stocks' dividends and splits (<see cref="SyntheticActions"/>) show in raw prices and on the
/// bar of their ex-date.
/// </summary>
internal sealed class SyntheticMarket
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Anchor = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const double MinutesPerYear = 365.25 * 1440;

    private readonly SyntheticPath _path;
    private readonly SyntheticSessions _sessions;
    private readonly SyntheticActions _actions;
    private readonly ulong _key;
    private readonly double _logBase;
    private readonly double _sigma;
    private readonly SyntheticVolatility _volatility;
    private readonly int _decimals;
    private readonly double _tick;
    private readonly double? _volumePerMinute;

    public SyntheticMarket(string seed, string symbol, string assetType)
    {
        Profile = SyntheticProfile.For(symbol, assetType);
        _sessions = new SyntheticSessions(symbol, assetType);
        _actions = new SyntheticActions(seed, symbol, assetType, _sessions, Anchor);
        _key = SyntheticPath.Key(seed, symbol.ToUpperInvariant());
        _path = new SyntheticPath(_key);
        _sigma = Profile.AnnualVol * Math.Sqrt(1 / MinutesPerYear);
        _logBase = Math.Log(Profile.Price);
        _volatility = new SyntheticVolatility(_key, Profile.AnnualVol, _path, MinuteOf(Anchor));
        _decimals = Profile.Decimals;
        _tick = Math.Pow(10, -_decimals);
        var e = _sessions.Exchange;
        var sessionMinutes = e.Kind == SessionKind.Daily ? (e.Close - e.Open).TotalMinutes : 1440;
        _volumePerMinute = Profile.DailyVolume / sessionMinutes;
    }

    public SyntheticProfile Profile { get; }
    public SyntheticExchange Exchange => _sessions.Exchange;

    /// <summary>
    /// Bars for consecutive [start, end) periods in time order, from the minutes before <paramref name="until"/>; a period
    /// with no session minute has no bar, and the period that holds <paramref name="until"/> is a partial bar, as a
    /// provider's bar for today is.
    /// </summary>
    public List<SeriesRow> Bars(IReadOnlyList<(DateTime Start, DateTime End)> periods, DateTime until)
    {
        var rows = new List<SeriesRow>(periods.Count);
        if (periods.Count == 0)
            return rows;
        var windows = periods[0].Start < until ? _sessions.Windows(periods[0].Start, Min(periods[^1].End, until)).ToList() : [];
        // Corporate actions take effect at a session's open, so one session has one set of factors.
        var factors = windows.Select(x => _actions.Factors(x.Open)).ToList();
        // The path under each session only: a stock's nights and weekends are never computed.
        var paths = windows.Select(x =>
        {
            var firstMinute = MinuteOf(x.Open);
            var w = new double[MinuteOf(x.Close) - firstMinute + 1];
            _path.Fill(firstMinute, firstMinute + w.Length - 1, w);
            return (First: firstMinute, W: w);
        }).ToList();

        var next = 0;
        foreach (var (start, end) in periods)
        {
            while (next < windows.Count && windows[next].Close <= start)
                next++;
            Bar? bar = null;
            for (var i = next; i < windows.Count && windows[i].Open < end; i++)
            {
                var open = Max(windows[i].Open, start);
                var close = Min(windows[i].Close, end);
                var offset = _sessions.Exchange.Zone.GetUtcOffset(open);
                var (priceFactor, volumeFactor) = factors[i];
                var (first, w) = paths[i];
                for (var m = MinuteOf(open); m < MinuteOf(close); m++)
                {
                    var minute = Minute(m, w[m - first], w[m + 1 - first], offset, priceFactor, volumeFactor);
                    if (m == MinuteOf(open) && _actions.At(open) is { } action)
                        minute = minute with
                        {
                            Split = action.Split,
                            // Declared on the price just before the ex-date's open.
                            Dividends = action.DividendFraction > 0
                                ? Math.Round(action.DividendFraction / (1 - action.DividendFraction) * Price(m, w[m - first]) * priceFactor, _decimals)
                                : 0,
                        };
                    bar = minute.After(bar);
                }
            }
            if (bar is { } b)
                rows.Add(new SeriesRow(start, b.Open, b.High, b.Low, b.Close, b.Close, b.Volume, b.Dividends, b.Split));
        }
        return rows;
    }

    private Bar Minute(long m, double wOpen, double wClose, TimeSpan utcOffset, double priceFactor, double volumeFactor)
    {
        var open = Price(m, wOpen) * priceFactor;
        var close = Price(m + 1, wClose) * priceFactor;
        // Wicks and volume grow with the day's volatility: turbulent days are busy ones.
        var multiple = _volatility.Multiple(m);
        var wick = _sigma * multiple * 0.8;
        var high = Math.Max(open, close) * Math.Exp(wick * SyntheticPath.Uniform(_key, 2 * m));
        var low = Math.Min(open, close) * Math.Exp(-wick * SyntheticPath.Uniform(_key, 2 * m + 1));
        // Whole units, so any grouping of minutes sums to the same volume exactly.
        double? volume = _volumePerMinute is { } perMinute
            ? Math.Round(perMinute * volumeFactor * Math.Sqrt(multiple) * IntradayShape(m, utcOffset) * Math.Exp(0.5 * SyntheticPath.Normal(_key ^ 0x5EED, m) - 0.125))
            : null;
        return new Bar(OnTick(open), OnTick(high), OnTick(low), OnTick(close), volume, 0, 0);
    }

    /// <summary>Trading is busiest at a session's open and close: a U over the session (over the UTC day where trading never stops), averaging 1.</summary>
    private double IntradayShape(long m, TimeSpan utcOffset)
    {
        var e = _sessions.Exchange;
        if (e.Kind != SessionKind.Daily)
        {
            var dayFraction = (m % 1440) / 1440.0;
            return 0.7 + 0.9 * Math.Pow(2 * dayFraction - 1, 2);
        }
        var local = Epoch.AddMinutes(m) + utcOffset;
        var x = (local.TimeOfDay - e.Open) / (e.Close - e.Open);
        return 0.55 + 1.35 * Math.Pow(2 * Math.Clamp(x, 0, 1) - 1, 2);
    }

    // Rounding is monotonic, so low <= open, close <= high survives it, and a price never rounds below one tick.
    private double OnTick(double price) => Math.Max(Math.Round(price, _decimals), _tick);

    private double Price(long minute, double w) => Math.Exp(_logBase + _volatility.LogPrice(minute, w));

    private static long MinuteOf(DateTime time) => (time - Epoch).Ticks / TimeSpan.TicksPerMinute;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private readonly record struct Bar(double Open, double High, double Low, double Close, double? Volume, double Dividends, int Split)
    {
        public Bar After(Bar? earlier) => earlier is not { } e ? this : new Bar(
            e.Open, Math.Max(e.High, High), Math.Min(e.Low, Low), Close, e.Volume is null ? null : e.Volume + Volume,
            e.Dividends + Dividends, Math.Max(e.Split, Split));
    }
}
