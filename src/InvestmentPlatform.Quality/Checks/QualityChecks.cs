using System.Globalization;
using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Quality.Checks;

/// <summary>
/// The checks, as pure functions over a window of stored bars (oldest first). Findings are reported only for bars in
/// [<c>from</c>, <c>to</c>], the range a load changed; the bars before it are context (returns, runs, the median).
/// </summary>
public static class QualityChecks
{
    /// <summary>
    /// Every check of the bars over one window (staleness is about the series' newest bar, see <see cref="Stale"/>); a bar
    /// in a unit error is not reported again as an outlier.
    /// </summary>
    public static List<Finding> Run(
        IReadOnlyList<QualityBar> bars, IExchangeCalendar calendar, string interval, string assetType,
        DateTime from, DateTime to, QualityOptions o)
    {
        var findings = new List<Finding>();
        var prices = assetType is not (AssetTypes.Bond or AssetTypes.EconomicIndicator);
        findings.AddRange(Ohlc(bars, from, to, prices));
        if (bars.Count > 0)
            findings.AddRange(Gaps(bars, calendar, interval, bars[0].Time < from ? bars[0].Time : from, to));
        if (prices)
        {
            var units = UnitErrors(bars, from, to, o.UnitTolerance, o.UnitRevertBars).ToList();
            findings.AddRange(units);
            var skip = units.Select(u => u.BarTime).ToHashSet();
            findings.AddRange(Outliers(bars, from, to, o.OutlierZ, o.OutlierMinReturns, skip));
            findings.AddRange(FlatRuns(bars, from, to, o.FlatRunBars));
        }
        return findings;
    }

    /// <summary>high ≥ max(open, close), low ≤ min(open, close), finite numbers, prices &gt; 0 (not for yields and levels), volume ≥ 0.</summary>
    public static IEnumerable<Finding> Ohlc(IReadOnlyList<QualityBar> bars, DateTime from, DateTime to, bool pricesPositive = true)
    {
        foreach (var b in bars)
        {
            if (b.Time < from || b.Time > to)
                continue;
            // Most bars are sound: the list is made only for one that is not.
            List<string>? problems = null;
            if (!double.IsFinite(b.Open) || !double.IsFinite(b.High) || !double.IsFinite(b.Low) || !double.IsFinite(b.Close))
                (problems ??= []).Add("a price is not a finite number");
            else
            {
                if (b.High < Math.Max(b.Open, b.Close)) (problems ??= []).Add($"high {N(b.High)} is below max(open, close) {N(Math.Max(b.Open, b.Close))}");
                if (b.Low > Math.Min(b.Open, b.Close)) (problems ??= []).Add($"low {N(b.Low)} is above min(open, close) {N(Math.Min(b.Open, b.Close))}");
                if (pricesPositive && Math.Min(Math.Min(b.Open, b.High), Math.Min(b.Low, b.Close)) <= 0) (problems ??= []).Add("a price is zero or negative");
            }
            if (b.Volume is < 0 || (b.Volume is { } v && !double.IsFinite(v))) (problems ??= []).Add($"volume {b.Volume} is negative or not finite");
            if (problems is not null)
                yield return new(FindingKinds.Ohlc, b.Time, Severities.Error, string.Join("; ", problems) + ".");
        }
    }

    /// <summary>
    /// Expected bars in [<paramref name="from"/>, <paramref name="to"/>] with no stored bar, one finding per run of them.
    /// Daily and longer bars compare by period (day, week, month); intraday bars by whole sessions without any bar.
    /// </summary>
    public static IEnumerable<Finding> Gaps(IReadOnlyList<QualityBar> bars, IExchangeCalendar calendar, string interval, DateTime from, DateTime to)
    {
        var length = BarIntervals.Length(interval);
        var missing = new List<(DateTime Time, int Bars, bool Adjacent)>();
        if (length >= TimeSpan.FromDays(1))
        {
            var stored = bars.Select(b => Period(b.Time, interval)).ToHashSet();
            var expected = calendar.ExpectedBars(interval, Period(from, interval), to.AddTicks(1)).ToList();
            for (var i = 0; i < expected.Count; i++)
                if (!stored.Contains(expected[i]))
                    missing.Add((expected[i], 1, missing.Count > 0 && missing[^1].Time == (i > 0 ? expected[i - 1] : DateTime.MinValue)));
        }
        else
        {
            var times = bars.Select(b => b.Time).ToArray();
            Session? previous = null;
            foreach (var s in calendar.Sessions(DateOnly.FromDateTime(from).AddDays(-1), DateOnly.FromDateTime(to).AddDays(1)))
            {
                if (s.Open < from || s.Close > to.AddTicks(1) + length)
                    continue;
                var i = Array.BinarySearch(times, s.Open);
                var any = i >= 0 || (~i < times.Length && times[~i] < s.Close);
                if (!any)
                    missing.Add((s.Open, (int)Math.Ceiling((s.Close - s.Open) / length), missing.Count > 0 && previous is { } p && missing[^1].Time == p.Open));
                previous = s;
            }
        }
        for (var i = 0; i < missing.Count;)
        {
            var j = i + 1;
            while (j < missing.Count && missing[j].Adjacent) j++;
            var count = missing.Skip(i).Take(j - i).Sum(m => m.Bars);
            var what = length >= TimeSpan.FromDays(1) ? "expected bars" : "expected bars (whole sessions)";
            yield return new(FindingKinds.Gap, missing[i].Time, Severities.Warning,
                $"{count} {what} missing from {missing[i].Time:yyyy-MM-dd HH:mm} to {missing[j - 1].Time:yyyy-MM-dd HH:mm} UTC ({calendar.Code} calendar).")
            { Bars = count };
            i = j;
        }
    }

    /// <summary>The newest bar is older than <paramref name="afterBars"/> expected bars (sessions, intraday) at <paramref name="now"/>.</summary>
    public static Finding? Stale(DateTime lastBar, IExchangeCalendar calendar, string interval, DateTime now, int afterBars)
    {
        var length = BarIntervals.Length(interval);
        var missed = BarsSince(lastBar, calendar, interval, now);
        return missed > afterBars
            ? new(FindingKinds.Stale, lastBar, Severities.Warning,
                $"The newest bar is {missed} expected {(length < TimeSpan.FromDays(1) ? "sessions" : "bars")} old (more than {afterBars}).") { Bars = (int)Math.Min(missed, int.MaxValue) }
            : null;
    }

    /// <summary>Expected bars (sessions, intraday) that were due after <paramref name="lastBar"/> by <paramref name="now"/>.</summary>
    public static long BarsSince(DateTime lastBar, IExchangeCalendar calendar, string interval, DateTime now)
    {
        var length = BarIntervals.Length(interval);
        // A bar is due once its period is over: the period starting at now − length may still be forming.
        return calendar.MissedBars(interval, Period(lastBar, interval) + length, now - length + TimeSpan.FromTicks(1));
    }

    /// <summary>
    /// Log returns whose robust z-score, 0.6745 · (r − median) / MAD, is beyond <paramref name="k"/>. A return that a
    /// stored split or dividend on its bar explains (the return with the action added back is not beyond k) is not an
    /// outlier, and a spike's return back is not a second one.
    /// </summary>
    public static IEnumerable<Finding> Outliers(IReadOnlyList<QualityBar> bars, DateTime from, DateTime to, double k, int minReturns, IReadOnlySet<DateTime>? skip = null)
    {
        // Each close read once: a bar is a large struct, and a long window's returns are most of a check's CPU.
        var returns = new List<(int Index, double R)>(bars.Count);
        var previous = bars.Count > 0 ? bars[0].Close : 0;
        for (var i = 1; i < bars.Count; i++)
        {
            var close = bars[i].Close;
            if (close > 0 && previous > 0 && double.IsFinite(close) && double.IsFinite(previous))
                returns.Add((i, Math.Log(close / previous)));
            previous = close;
        }
        if (returns.Count < minReturns)
            yield break;
        var values = new double[returns.Count];
        for (var n = 0; n < values.Length; n++)
            values[n] = returns[n].R;
        var median = Median(values);
        for (var n = 0; n < values.Length; n++)
            values[n] = Math.Abs(returns[n].R - median);
        var mad = Median(values);
        // Many equal closes make the MAD 0; the mean absolute deviation (scaled to match it on normal data) stands in.
        if (mad == 0)
            mad = returns.Average(r => Math.Abs(r.R - median)) * 0.7979;
        if (mad == 0)
            yield break;
        double Z(double r) => 0.6745 * (r - median) / mad;

        var reverted = new HashSet<int>();
        for (var n = 0; n < returns.Count; n++)
        {
            var (i, r) = returns[n];
            var z = Z(r);
            if (Math.Abs(z) <= k)
                continue;
            var b = bars[i];
            // Bars before the range are judged too, so a spike just before it does not make its return back an outlier.
            if (reverted.Contains(i) || skip?.Contains(b.Time) == true || skip?.Contains(bars[i - 1].Time) == true)
                continue;
            if (b.StockSplits > 0 && b.StockSplits != 1 && Math.Abs(Z(r + Math.Log(b.StockSplits))) <= k)
                continue;
            if (b.Dividends > 0 && Math.Abs(Z(Math.Log((b.Close + b.Dividends) / bars[i - 1].Close))) <= k)
                continue;
            if (n + 1 < returns.Count && returns[n + 1].Index == i + 1 && Math.Sign(returns[n + 1].R) != Math.Sign(r) && Math.Abs(Z(returns[n + 1].R)) > k)
                reverted.Add(i + 1);
            if (b.Time >= from && b.Time <= to)
                yield return new(FindingKinds.Outlier, b.Time, Severities.Error,
                $"Log return {r:0.####} from close {N(bars[i - 1].Close)} to {N(b.Close)} has a robust z-score of {z:0.#} (limit {k}).");
        }
    }

    /// <summary>A jump by a factor near 100 (or 1/100) that reverts within <paramref name="revertBars"/> bars: a minor unit read as a major one, or the reverse.</summary>
    public static IEnumerable<Finding> UnitErrors(IReadOnlyList<QualityBar> bars, DateTime from, DateTime to, double tolerance, int revertBars)
    {
        bool Near(double ratio, double target) => ratio >= target / tolerance && ratio <= target * tolerance;
        for (var i = 1; i < bars.Count; i++)
        {
            if (bars[i].Close <= 0 || bars[i - 1].Close <= 0)
                continue;
            var ratio = bars[i].Close / bars[i - 1].Close;
            var up = Near(ratio, 100);
            if (!up && !Near(ratio, 0.01))
                continue;
            if (bars[i].StockSplits > 0 && Near(1 / bars[i].StockSplits, ratio))
                continue;
            for (var j = i + 1; j < bars.Count && j <= i + revertBars; j++)
            {
                if (bars[j].Close <= 0 || bars[j - 1].Close <= 0 || !Near(bars[j].Close / bars[j - 1].Close, up ? 0.01 : 100))
                    continue;
                for (var m = i; m < j; m++)
                    if (bars[m].Time >= from && bars[m].Time <= to)
                        yield return new(FindingKinds.Unit, bars[m].Time, Severities.Error,
                            $"Close {N(bars[m].Close)} is about {(up ? "100 times" : "a hundredth of")} its neighbours ({N(bars[i - 1].Close)} before, {N(bars[j].Close)} after): a minor unit (such as GBp) read as the major one, or the reverse.");
                i = j;
                break;
            }
        }
    }

    /// <summary>At least <paramref name="minBars"/> equal closes in a row, reported once at the run's first bar.</summary>
    public static IEnumerable<Finding> FlatRuns(IReadOnlyList<QualityBar> bars, DateTime from, DateTime to, int minBars)
    {
        for (var i = 0; i < bars.Count;)
        {
            var j = i + 1;
            while (j < bars.Count && bars[j].Close == bars[i].Close) j++;
            var length = j - i;
            if (length >= minBars && bars[j - 1].Time >= from && bars[i].Time <= to)
                yield return new(FindingKinds.Flat, bars[i].Time, Severities.Warning,
                    $"{length} bars in a row close at {N(bars[i].Close)}, through {bars[j - 1].Time:yyyy-MM-dd HH:mm} UTC.") { Bars = length };
            i = j;
        }
    }

    /// <summary>The start of the period a bar belongs to: its day, its week's Monday or its month's 1st for daily and longer bars.</summary>
    public static DateTime Period(DateTime t, string interval) => interval switch
    {
        "1d" => DateTime.SpecifyKind(t.Date, DateTimeKind.Utc),
        "1wk" => DateTime.SpecifyKind(t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)), DateTimeKind.Utc),
        "1mo" => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => t,
    };

    /// <summary>The median of <paramref name="values"/> (the mean of the two middle ones for an even count), 0 for none.</summary>
    public static double Median(IEnumerable<double> values) => Median(values.ToArray());

    /// <inheritdoc cref="Median(IEnumerable{double})"/>
    /// <remarks>Reorders <paramref name="v"/>.</remarks>
    private static double Median(double[] v)
    {
        // Selection, not a sort: sorting a long window's returns twice was most of a check's CPU.
        if (v.Length == 0)
            return 0;
        var k = v.Length / 2;
        var upper = Select(v, k);
        if (v.Length % 2 == 1)
            return upper;
        // Select leaves every value below k at most v[k]: the lower middle is the largest of them.
        var lower = v[0];
        for (var i = 1; i < k; i++)
            lower = Math.Max(lower, v[i]);
        return (lower + upper) / 2;
    }

    /// <summary>The k-th smallest value (0-based), found by Hoare's selection; <paramref name="v"/> is reordered around it.</summary>
    private static double Select(double[] v, int k)
    {
        var (lo, hi) = (0, v.Length - 1);
        while (lo < hi)
        {
            var pivot = MedianOfThree(v[lo], v[lo + (hi - lo) / 2], v[hi]);
            var (i, j) = (lo, hi);
            while (i <= j)
            {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j)
                {
                    (v[i], v[j]) = (v[j], v[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return v[k];
        }
        return v[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static string N(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
