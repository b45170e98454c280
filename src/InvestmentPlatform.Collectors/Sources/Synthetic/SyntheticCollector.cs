using InvestmentPlatform.Data.Assets;
using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// Seeded geometric Brownian motion bars for any symbol and interval. A bar depends only on
/// (seed, symbol, interval, bar time): overlapping or incremental requests return identical rows.
/// </summary>
public sealed class SyntheticCollector : CollectorBase
{
    public const string Name = "synthetic";
    public const string DefaultSeed = "42";
    private const int BatchSize = 5_000;
    private static readonly DateTime Anchor = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "Synthetic (generated)",
        AssetTypes.All,
        BarIntervals.All,
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        [new SourceParameter("seed", $"Seed of the generator (default {DefaultSeed}); the same seed gives the same bars")],
        IsSynthetic: true);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var seed = request.Options?.GetValueOrDefault("seed") is { Length: > 0 } s ? s : DefaultSeed;
        var assetType = request.AssetType ?? GuessAssetType(request.Symbol);
        var asset = Describe(request.Symbol, assetType, seed);
        var from = request.From < Earliest ? Earliest : request.From;
        if (from >= request.To)
            yield break;

        var model = new SyntheticModel(seed, request.Symbol, assetType, request.Interval);
        var calendar = new SyntheticCalendar(request.Interval);
        var first = calendar.FirstIndexAtOrAfter(from);
        var end = calendar.FirstIndexAtOrAfter(request.To);
        var everyDay = assetType == AssetTypes.Crypto || request.Interval is not ("1d");
        for (var start = first; start < end; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var last = Math.Min(start + BatchSize, end) - 1;
            var rows = model.Bars(calendar, start, last, everyDay);
            if (rows.Count > 0)
                yield return new RawBatch(asset, rows);
            await Task.Yield();
        }
    }

    private static AssetDescription Describe(string symbol, string assetType, string seed) => new(
        symbol,
        $"{symbol} (synthetic)",
        assetType,
        assetType is AssetTypes.EconomicIndicator or AssetTypes.Bond ? null : "USD",
        "SYNTHETIC",
        Name,
        new Dictionary<string, string> { ["synthetic"] = "true", ["seed"] = seed, ["model"] = "geometric-brownian-motion" });

    /// <summary>Symbols in provider style hint at their type: BTC-USD crypto, EURUSD=X forex, GC=F commodity.</summary>
    internal static string GuessAssetType(string symbol) => symbol.ToUpperInvariant() switch
    {
        var s when s.EndsWith("=X", StringComparison.Ordinal) => AssetTypes.Forex,
        var s when s.EndsWith("=F", StringComparison.Ordinal) => AssetTypes.Commodity,
        var s when s.Contains('-') && s.Split('-') is [{ Length: >= 2 and <= 6 }, "USD" or "USDT" or "USDC" or "EUR" or "GBP" or "BTC"] => AssetTypes.Crypto,
        var s when s.StartsWith("DGS", StringComparison.Ordinal) => AssetTypes.Bond,
        _ => AssetTypes.Stock,
    };

    private sealed class SyntheticModel
    {
        private readonly SyntheticPath _path;
        private readonly ulong _key;
        private readonly double _logBase;
        private readonly double _drift;
        private readonly double _sigma;
        private readonly double _anchorW;
        private readonly long _anchorIndex;
        private readonly bool _hasVolume;
        private readonly int _decimals;
        private readonly double _tick;

        public SyntheticModel(string seed, string symbol, string assetType, string interval)
        {
            _key = SyntheticPath.Key(seed, symbol.ToUpperInvariant(), interval);
            _path = new SyntheticPath(_key);
            var calendar = new SyntheticCalendar(interval);
            var annualVol = assetType switch
            {
                AssetTypes.Crypto => 0.65,
                AssetTypes.Forex => 0.08,
                AssetTypes.Bond => 0.15,
                AssetTypes.EconomicIndicator => 0.05,
                AssetTypes.Commodity => 0.25,
                _ => 0.3,
            };
            var basePrice = assetType switch
            {
                AssetTypes.Forex => 0.5 + 1.5 * SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 1),
                AssetTypes.Bond => 1 + 4 * SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 1),
                _ => 10 + 490 * SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 1),
            };
            _sigma = annualVol * Math.Sqrt(calendar.StepYears);
            // Itô correction keeps the expected price growing at 5% a year.
            _drift = (0.05 - 0.5 * annualVol * annualVol) * calendar.StepYears;
            _logBase = Math.Log(basePrice);
            _anchorIndex = calendar.FirstIndexAtOrAfter(Anchor);
            _anchorW = _path.At(_anchorIndex);
            _hasVolume = assetType is not (AssetTypes.Forex or AssetTypes.Bond or AssetTypes.EconomicIndicator);
            _decimals = DecimalsFor(assetType);
            _tick = Math.Pow(10, -_decimals);
        }

        /// <summary>Quotes sit on a tick as real ones do: cents for stocks, crypto and commodities, pips for FX.</summary>
        private static int DecimalsFor(string assetType) => assetType switch
        {
            AssetTypes.Forex => 5,
            AssetTypes.Bond or AssetTypes.EconomicIndicator => 3,
            _ => 2,
        };

        // Rounding is monotonic, so low <= open, close <= high survives it, and a price never rounds below one tick.
        private double OnTick(double price) => Math.Max(Math.Round(price, _decimals), _tick);

        private double Price(long index, double w) => Math.Exp(_logBase + _drift * (index - _anchorIndex) + _sigma * (w - _anchorW));

        public List<SeriesRow> Bars(SyntheticCalendar calendar, long first, long last, bool everyDay)
        {
            // One extra step before the first bar: its value is the first bar's open.
            var w = new double[last - first + 2];
            _path.Fill(first - 1, last, w);
            var rows = new List<SeriesRow>((int)(last - first + 1));
            for (var k = first; k <= last; k++)
            {
                var time = calendar.TimeOf(k);
                if (!everyDay && time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    continue;
                var open = Price(k - 1, w[k - first]);
                var close = Price(k, w[k - first + 1]);
                var wick = _sigma * 0.5;
                var high = Math.Max(open, close) * Math.Exp(wick * SyntheticPath.Uniform(_key, 2 * k));
                var low = Math.Min(open, close) * Math.Exp(-wick * SyntheticPath.Uniform(_key, 2 * k + 1));
                double? volume = _hasVolume
                    ? Math.Round(1_000_000 * Math.Exp(0.5 * SyntheticPath.Normal(_key ^ 0x5EED, k)))
                    : null;
                (open, high, low, close) = (OnTick(open), OnTick(high), OnTick(low), OnTick(close));
                rows.Add(new SeriesRow(time, open, high, low, close, close, volume));
            }
            return rows;
        }
    }
}
