using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Yahoo;

/// <summary>Yahoo Finance chart API: stocks, forex pairs, commodities and indices.</summary>
public sealed class YahooCollector(IHttpClientFactory http, SourceGateways gateways, TimeProvider time) : CollectorBase
{
    public const string Name = "yahoo";

    /// <summary>How far back Yahoo serves each interval, and the longest range one chart call may span.</summary>
    private static readonly Dictionary<string, (int? History, int? Window)> Limits = new()
    {
        ["1m"] = (30, 7),
        ["5m"] = (60, 60),
        ["15m"] = (60, 60),
        ["30m"] = (60, 60),
        ["1h"] = (730, 730),
        ["1d"] = (null, null),
        ["1wk"] = (null, null),
        ["1mo"] = (null, null),
    };

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "Yahoo Finance",
        [AssetTypes.Stock, AssetTypes.Forex, AssetTypes.Commodity, AssetTypes.Crypto],
        Limits.Keys.ToList(),
        Limits.ToDictionary(l => l.Key, l => l.Value.History),
        Limits.ToDictionary(l => l.Key, l => l.Value.Window),
        []);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var (history, window) = Limits[request.Interval];
        var from = request.From;
        if (history is { } days)
        {
            var earliest = time.GetUtcNow().UtcDateTime.AddDays(-days);
            if (request.To <= earliest)
                throw new CollectorException(ErrorClass.BadRequest, Name,
                    $"Yahoo serves {request.Interval} bars for the last {days} days only; the range ends on {request.To:yyyy-MM-dd}");
            if (from < earliest)
                from = earliest;
        }

        var gateway = gateways.For(Name);
        var client = http.CreateClient(Name);
        var span = window is { } w ? TimeSpan.FromDays(w) : request.To - from;
        foreach (var (windowFrom, windowTo) in TimeWindows.Split(from, request.To, span))
        {
            var url = $"v8/finance/chart/{Uri.EscapeDataString(request.Symbol)}?period1={Unix(windowFrom)}&period2={Unix(windowTo)}" +
                      $"&interval={request.Interval}&events=div%2Csplits&includeAdjustedClose=true";
            var (asset, rows) = await gateway.SendAsync(client,
                () => new HttpRequestMessage(HttpMethod.Get, url),
                body => YahooChartParser.Parse(body, request.Symbol, request.AssetType, request.Interval),
                YahooChartParser.Classify,
                ct);
            yield return new RawBatch(asset, TimeWindows.ForWindow(rows, windowFrom, windowTo, request.From, request.To));
        }
    }

    private static long Unix(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;
}
