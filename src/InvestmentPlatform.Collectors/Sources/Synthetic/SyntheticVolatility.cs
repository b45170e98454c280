namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// Volatility that clusters, as real markets' does: each UTC day has its own volatility, a log-normal multiple of the
/// asset's usual one whose logarithm follows an AR(1) over days, so calm and turbulent spells last weeks. The path's
/// log price is stitched from one day to the next (<see cref="LogPrice"/>), each day moving with its own drift and
/// volatility, so the price stays continuous and every interval still aggregates the same minutes.
/// </summary>
/// <remarks>
/// A day's multiple is a fixed, finite moving average of seeded normals rather than a recursion from some start, and
/// the stitching always runs outward from the anchor day in the same order: a day's values are bit-identical whatever
/// range is asked for, which the exact cross-interval agreement needs.
/// </remarks>
internal sealed class SyntheticVolatility
{
    private const double Persistence = 0.97;
    private const int Memory = 200;
    /// <summary>Standard deviation of the log multiple: about half to twice the usual volatility, one day in twenty.</summary>
    private const double Spread = 0.4;
    private const double MinutesPerDay = 1440;
    private const double MinutesPerYear = 365.25 * MinutesPerDay;
    private const double AnnualDrift = 0.05;

    private readonly ulong _key;
    private readonly double _annualVol;
    private readonly SyntheticPath _path;
    private readonly long _anchorDay;
    private readonly Dictionary<long, Day> _days = [];
    private readonly List<double> _forward = [0];
    private readonly List<double> _backward = [0];
    private Day _last = new(long.MinValue, 0, 0, 0, 0, 0, 0);

    public SyntheticVolatility(ulong key, double annualVol, SyntheticPath path, long anchorMinute)
    {
        _key = key ^ 0x7A11_5C0F_FEE5_D00DUL;
        _annualVol = annualVol;
        _path = path;
        _anchorDay = FloorDiv(anchorMinute, (long)MinutesPerDay);
    }

    /// <summary>The day's volatility as a multiple of the usual one; its mean square is 1.</summary>
    public double Multiple(long minute) => DayAt(FloorDiv(minute, (long)MinutesPerDay)).Multiple;

    /// <summary>Log price at <paramref name="minute"/> relative to the anchor, given the Brownian path's value there.</summary>
    public double LogPrice(long minute, double w)
    {
        var d = DayAt(FloorDiv(minute, (long)MinutesPerDay));
        return d.Level + d.Drift * (minute - d.Start) + d.Sigma * (w - d.StartW);
    }

    private Day DayAt(long day)
    {
        if (_last.Index == day)
            return _last;
        if (!_days.TryGetValue(day, out var found))
        {
            var multiple = MultipleOf(day);
            var vol = _annualVol * multiple;
            var start = day * (long)MinutesPerDay;
            // Itô correction per day keeps the expected price growing at the drift whatever the day's volatility.
            found = new Day(day, start, _path.At(start), Level(day), multiple,
                (AnnualDrift - 0.5 * vol * vol) / MinutesPerYear, vol * Math.Sqrt(1 / MinutesPerYear));
            _days[day] = found;
        }
        return _last = found;
    }

    /// <summary>The log price at the day's first minute: the anchor's is 0, and each day adds its own whole-day move.</summary>
    private double Level(long day)
    {
        if (day >= _anchorDay)
        {
            while (_forward.Count <= day - _anchorDay)
                _forward.Add(_forward[^1] + Move(_anchorDay + _forward.Count - 1));
            return _forward[(int)(day - _anchorDay)];
        }
        while (_backward.Count <= _anchorDay - day)
            _backward.Add(_backward[^1] - Move(_anchorDay - _backward.Count));
        return _backward[(int)(_anchorDay - day)];
    }

    private double Move(long day)
    {
        var vol = _annualVol * MultipleOf(day);
        var start = day * (long)MinutesPerDay;
        var end = start + (long)MinutesPerDay;
        return (AnnualDrift - 0.5 * vol * vol) / MinutesPerYear * MinutesPerDay
               + vol * Math.Sqrt(1 / MinutesPerYear) * (_path.At(end) - _path.At(start));
    }

    private double MultipleOf(long day)
    {
        double h = 0, weight = 1;
        for (var k = 0; k < Memory; k++, weight *= Persistence)
            h += weight * SyntheticPath.Normal(_key, day - k);
        h *= Spread * Math.Sqrt(1 - Persistence * Persistence);
        return Math.Exp(h - Spread * Spread);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private readonly record struct Day(long Index, long Start, double StartW, double Level, double Multiple, double Drift, double Sigma);
}
