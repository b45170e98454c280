namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>Money-weighted return: the annual rate that discounts dated cash flows to zero (XIRR, actual/365).</summary>
public static class Irr
{
    /// <param name="flows">Investor's view: money put in negative, money taken out (and the final value) positive.</param>
    /// <returns>The rate, or null when the flows have no sign change or no root is bracketed.</returns>
    public static double? Annual(IReadOnlyList<(DateTime Time, double Amount)> flows)
    {
        if (flows.Count < 2 || !flows.Any(f => f.Amount > 0) || !flows.Any(f => f.Amount < 0))
            return null;
        var t0 = flows.Min(f => f.Time);
        var years = flows.Select(f => (f.Time - t0).TotalDays / 365.0).ToArray();
        double Npv(double rate)
        {
            var sum = 0.0;
            for (var i = 0; i < flows.Count; i++)
                sum += flows[i].Amount / Math.Pow(1 + rate, years[i]);
            return sum;
        }

        double lo = -0.999999999, hi = 1.0;
        while (Npv(lo) * Npv(hi) > 0 && hi < 1e9)
            hi *= 2;
        if (Npv(lo) * Npv(hi) > 0)
            return null;
        // Bisection to machine precision: robust for any sign pattern the bracket admits.
        for (var i = 0; i < 300 && hi - lo > 1e-15 * Math.Max(1, Math.Abs(lo)); i++)
        {
            var mid = (lo + hi) / 2;
            if (Npv(lo) * Npv(mid) <= 0) hi = mid;
            else lo = mid;
        }
        return (lo + hi) / 2;
    }
}
