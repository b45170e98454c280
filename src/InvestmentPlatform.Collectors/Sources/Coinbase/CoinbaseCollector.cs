using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Coinbase;

/// <summary>Coinbase Advanced Trade public candles for crypto products such as BTC-USD.</summary>
public sealed class CoinbaseCollector(IHttpClientFactory http, SourceGateways gateways) : CollectorBase
{
    public const string Name = "coinbase";

    /// <summary>Coinbase answers at most 350 candles per call.</summary>
    public const int MaxCandles = 350;

    private static readonly Dictionary<string, string> Granularities = new()
    {
        ["1m"] = "ONE_MINUTE",
        ["5m"] = "FIVE_MINUTE",
        ["15m"] = "FIFTEEN_MINUTE",
        ["30m"] = "THIRTY_MINUTE",
        ["1h"] = "ONE_HOUR",
        ["1d"] = "ONE_DAY",
    };

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "Coinbase Advanced Trade",
        [AssetTypes.Crypto],
        Granularities.Keys.ToList(),
        Granularities.Keys.ToDictionary(i => i, _ => (int?)null),
        // The collector pages through 350-candle windows itself, so callers need not split ranges.
        Granularities.Keys.ToDictionary(i => i, _ => (int?)null),
        []);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var product = request.Symbol.ToUpperInvariant();
        var parts = product.Split('-');
        var asset = new AssetDescription(product, product, AssetTypes.Crypto, parts.Length == 2 ? parts[1] : null, "Coinbase", Name,
            new Dictionary<string, string> { ["granularity"] = Granularities[request.Interval] });

        var gateway = gateways.For(Name);
        var client = http.CreateClient(Name);
        var page = BarIntervals.Length(request.Interval) * MaxCandles;
        foreach (var (pageFrom, pageTo) in TimeWindows.Split(request.From, request.To, page))
        {
            // Coinbase treats 'end' inclusively: stop one second short so a page never holds 351 candles.
            var url = $"api/v3/brokerage/market/products/{Uri.EscapeDataString(product)}/candles" +
                      $"?start={Unix(pageFrom)}&end={Unix(pageTo) - 1}&granularity={Granularities[request.Interval]}&limit={MaxCandles}";
            var (rows, unreadable) = await gateway.SendAsync(client,
                () => new HttpRequestMessage(HttpMethod.Get, url),
                CoinbaseParser.Parse,
                CoinbaseParser.Classify,
                ct);
            yield return new RawBatch(asset, TimeWindows.ForWindow(rows, pageFrom, pageTo, request.From, request.To), unreadable);
        }
    }

    private static long Unix(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;
}
