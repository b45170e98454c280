using System.Globalization;
using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// A seeded synthetic market for any symbol and interval (see <see cref="SyntheticMarket"/>). A bar depends only on
/// (seed, symbol, bar period): overlapping or incremental requests return identical rows, and intervals agree.
/// </summary>
public sealed class SyntheticCollector : CollectorBase
{
    public const string Name = "synthetic";
    public const string DefaultSeed = "42";
    private const double MinutesPerBatch = 1_000_000;
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
        var market = new SyntheticMarket(seed, request.Symbol, assetType);
        var asset = Describe(request.Symbol, assetType, seed, market);
        var from = request.From < Earliest ? Earliest : request.From;
        if (from >= request.To)
            yield break;

        // A market has no minutes after now: the bar that holds now is partial, and later ones do not exist yet.
        var until = request.To < DateTime.UtcNow ? request.To : DateTime.UtcNow;
        var calendar = new SyntheticCalendar(request.Interval);
        var first = calendar.FirstIndexAtOrAfter(from);
        var end = calendar.FirstIndexAtOrAfter(request.To);
        // Every bar reads the minutes under it: a batch covers at most about a million of them.
        var barsPerBatch = (int)Math.Clamp(MinutesPerBatch / calendar.StepMinutes, 1, DataCollected.MaxRows);
        for (var start = first; start < end; start += barsPerBatch)
        {
            ct.ThrowIfCancellationRequested();
            var last = Math.Min(start + barsPerBatch, end) - 1;
            var periods = new List<(DateTime, DateTime)>((int)(last - start + 1));
            for (var k = start; k <= last; k++)
                periods.Add((calendar.TimeOf(k), calendar.TimeOf(k + 1)));
            var rows = market.Bars(periods, until);
            if (rows.Count > 0)
                yield return new RawBatch(asset, rows);
            await Task.Yield();
        }
    }

    private static AssetDescription Describe(string symbol, string assetType, string seed, SyntheticMarket market) => new(
        symbol,
        $"{symbol} (synthetic)",
        assetType,
        assetType is AssetTypes.EconomicIndicator or AssetTypes.Bond ? null : market.Profile.Currency,
        market.Exchange.Name,
        Name,
        new Dictionary<string, string>
        {
            ["synthetic"] = "true", ["seed"] = seed, ["model"] = "geometric-brownian-motion, clustered daily volatility, one-minute path", ["sessions"] = market.Exchange.Hours,
            [AssetMetadata.PriceDecimals] = market.Profile.Decimals.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Symbols in provider style hint at their type: BTC-USD crypto, EURUSD=X forex, GC=F commodity.</summary>
    internal static string GuessAssetType(string symbol) => symbol.ToUpperInvariant() switch
    {
        var s when s.EndsWith("=X", StringComparison.Ordinal) => AssetTypes.Forex,
        var s when s.EndsWith("=F", StringComparison.Ordinal) => AssetTypes.Commodity,
        var s when s.Contains('-') && s.Split('-') is [{ Length: >= 2 and <= 6 }, "USD" or "USDT" or "USDC" or "EUR" or "GBP" or "BTC"] => AssetTypes.Crypto,
        var s when s.StartsWith("DGS", StringComparison.Ordinal) => AssetTypes.Bond,
        _ => AssetTypes.Stock,
    };
}
