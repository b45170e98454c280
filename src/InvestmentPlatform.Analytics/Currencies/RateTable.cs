using InvestmentPlatform.Analytics.Metrics;

namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>
/// The loaded rates of a conversion's legs. The rate at a time is each leg's last close at or before it, no older than
/// <see cref="CurrencyConversion.MaxRateAge"/>, multiplied together with the unit ratio; without one it is null.
/// </summary>
public sealed class RateTable(CurrencyConversion conversion, IReadOnlyList<TimeSeries> legs)
{
    public CurrencyConversion Conversion => conversion;

    /// <summary>Units of the target per unit of the source at <paramref name="time"/>, or null when a leg has no fresh rate.</summary>
    public double? RateAt(DateTime time)
    {
        var rate = conversion.Factor;
        for (var i = 0; i < legs.Count; i++)
        {
            if (LegRate(i, time) is not { } leg)
                return null;
            rate *= conversion.Legs[i].Invert ? 1 / leg : leg;
        }
        return rate;
    }

    /// <summary>Why there is no rate at <paramref name="time"/>, naming the pair; null when there is one.</summary>
    public string? MissingAt(DateTime time)
    {
        for (var i = 0; i < legs.Count; i++)
        {
            if (LegRate(i, time) is not null)
                continue;
            var last = LastAtOrBefore(legs[i], time);
            return CurrencyConverter.NoRate(conversion, conversion.Legs[i], time, last >= 0 ? legs[i].Times[last] : null);
        }
        return null;
    }

    private double? LegRate(int leg, DateTime time)
    {
        var series = legs[leg];
        var found = LastAtOrBefore(series, time);
        return found >= 0 && time - series.Times[found] <= conversion.MaxRateAge ? series.Values[found] : null;
    }

    private static int LastAtOrBefore(TimeSeries series, DateTime time)
    {
        int lo = 0, hi = series.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (series.Times[mid] <= time) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
