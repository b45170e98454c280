using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// A synthetic stock's corporate actions, so adjusted views have something to adjust: most stocks pay a quarterly
/// dividend (ex-dates in February, May, August and November), and now and then one splits (in June, 2:1 to 10:1).
/// Each takes effect at the open of its ex-date's session. Raw prices carry them as real ones do: earlier prices are
/// higher by the splits and dividends since, and prices are at the symbol's level on the anchor date.
/// </summary>
internal sealed class SyntheticActions
{
    private static readonly int[] SplitRatios = [2, 3, 4, 5, 10];
    private readonly List<Action> _actions = [];
    private readonly double _anchorPrice;
    private readonly double _anchorVolume;

    public SyntheticActions(string seed, string symbol, string assetType, SyntheticSessions sessions, DateTime anchor)
    {
        if (assetType == AssetTypes.Stock)
        {
            var key = SyntheticPath.Key(seed, symbol.ToUpperInvariant(), "actions");
            // Seven stocks in ten pay, yielding 0.5 % to 3 % a year.
            var quarterly = SyntheticPath.Uniform(key, 0) < 0.7 ? (0.005 + 0.025 * SyntheticPath.Uniform(key, 1)) / 4 : 0;
            for (var year = 1970; year <= 2100; year++)
            {
                if (quarterly > 0)
                    foreach (var month in new[] { 2, 5, 8, 11 })
                        Add(sessions, new DateTime(year, month, 10, 0, 0, 0, DateTimeKind.Utc), quarterly, 0);
                if (SyntheticPath.Uniform(key, 100 + year) < 0.05)
                {
                    var ratio = SplitRatios[(int)(SyntheticPath.Uniform(key, 300 + year) * SplitRatios.Length)];
                    Add(sessions, new DateTime(year, 6, 15, 0, 0, 0, DateTimeKind.Utc), 0, ratio);
                }
            }
            _actions.Sort(ByTime);
        }
        (_anchorPrice, _anchorVolume) = Cumulative(anchor);
    }

    /// <summary>The action taking effect at this session minute, if any.</summary>
    public Action? At(DateTime minute)
    {
        var i = _actions.BinarySearch(new Action(minute, 0, 0), ByTime);
        return i >= 0 ? _actions[i] : null;
    }

    /// <summary>What raw prices and volumes are multiplied by at this time, relative to the anchor date.</summary>
    public (double Price, double Volume) Factors(DateTime time)
    {
        var (price, volume) = Cumulative(time);
        return (price / _anchorPrice, volume / _anchorVolume);
    }

    private (double Price, double Volume) Cumulative(DateTime time)
    {
        double price = 1, volume = 1;
        foreach (var a in _actions)
        {
            if (a.At > time)
                break;
            price *= a.PriceFactor;
            volume *= a.VolumeFactor;
        }
        return (price, volume);
    }

    private void Add(SyntheticSessions sessions, DateTime day, double dividendFraction, int split)
    {
        // The first session on or after the day: its opening minute is when the action takes effect.
        foreach (var (open, _) in sessions.Windows(day, day.AddDays(7)))
        {
            _actions.Add(new Action(open, dividendFraction, split));
            return;
        }
    }

    private static readonly Comparer<Action> ByTime = Comparer<Action>.Create((a, b) => a.At.CompareTo(b.At));

    /// <param name="DividendFraction">The dividend as a fraction of the price just before it.</param>
    /// <param name="Split">The split ratio (4 for 4:1), or 0.</param>
    public sealed record Action(DateTime At, double DividendFraction, int Split)
    {
        public double PriceFactor => Split > 0 ? 1.0 / Split : 1 - DividendFraction;
        public double VolumeFactor => Split > 0 ? Split : 1;
    }
}
