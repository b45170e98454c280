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
        var span = years.Max();
        if (span <= 0)
            return null;

        // Solved for x = ln(1 + rate): short windows can have astronomically large annual rates, and exp(-x t)
        // stays finite over the whole bracket.
        double Npv(double x)
        {
            var sum = 0.0;
            for (var i = 0; i < flows.Count; i++)
                sum += flows[i].Amount * Math.Exp(-x * years[i]);
            return sum;
        }

        double lo = -700 / span, hi = 700 / span;
        var fLo = Npv(lo);
        if (fLo * Npv(hi) > 0)
            return null;
        for (var i = 0; i < 400 && hi - lo > 1e-16 * Math.Max(1, Math.Abs(lo)); i++)
        {
            var mid = (lo + hi) / 2;
            var fMid = Npv(mid);
            if (fLo * fMid <= 0)
                hi = mid;
            else
            {
                lo = mid;
                fLo = fMid;
            }
        }
        return Math.Exp((lo + hi) / 2) - 1;
    }
}
