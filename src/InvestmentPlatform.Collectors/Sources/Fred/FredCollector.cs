using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Fred;

/// <summary>FRED series observations: Treasury yields and economic indicators.</summary>
public sealed class FredCollector(IHttpClientFactory http, SourceGateways gateways) : CollectorBase
{
    public const string Name = "fred";
    public const string ApiKeyVariable = "FRED_API_KEY";

    /// <summary>ALFRED's whole real-time range: every vintage ever published.</summary>
    private const string AllRealTimeStart = "1776-07-04", AllRealTimeEnd = "9999-12-31";

    /// <summary>FRED serves at most this many observations per call.</summary>
    private const int PageSize = 100_000;

    /// <summary>1d keeps the series' native frequency; 1wk and 1mo ask FRED to aggregate.</summary>
    private static readonly Dictionary<string, string?> Frequencies = new() { ["1d"] = null, ["1wk"] = "w", ["1mo"] = "m" };

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "FRED (Federal Reserve Economic Data)",
        [AssetTypes.Bond, AssetTypes.EconomicIndicator],
        Frequencies.Keys.ToList(),
        Frequencies.Keys.ToDictionary(i => i, _ => (int?)null),
        Frequencies.Keys.ToDictionary(i => i, _ => (int?)null),
        []);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var gateway = gateways.For(Name);
        var key = gateway.Options.ApiKey is { Length: > 0 } configured ? configured : Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
            throw new CollectorException(ErrorClass.Authentication, Name,
                $"an API key is required: set Sources__Fred__ApiKey or {ApiKeyVariable}");

        var client = http.CreateClient(Name);
        var series = Uri.EscapeDataString(request.Symbol.ToUpperInvariant());
        var common = $"series_id={series}&api_key={Uri.EscapeDataString(key)}&file_type=json";
        var asset = await gateway.SendAsync(client,
            () => new HttpRequestMessage(HttpMethod.Get, $"fred/series?{common}"),
            body => FredParser.ParseSeries(body, request.Symbol.ToUpperInvariant(), request.AssetType),
            FredParser.Classify,
            ct);

        // FRED dates observations by day: the range covers the days starting inside [From, To).
        var first = request.From.TimeOfDay == TimeSpan.Zero ? request.From : request.From.Date.AddDays(1);
        var last = request.To.AddTicks(-1);
        // The native frequency is asked for over all real time, so each observation comes with every value it was
        // published with (ALFRED vintages) and a revision is kept beside the value it replaced; FRED's aggregates
        // (1wk, 1mo) are of the current values only.
        var native = Frequencies[request.Interval] is null;
        var period = native ? $"&realtime_start={AllRealTimeStart}&realtime_end={AllRealTimeEnd}" : $"&frequency={Frequencies[request.Interval]}";
        for (var offset = 0; ; offset += PageSize)
        {
            var url = $"fred/series/observations?{common}&observation_start={first:yyyy-MM-dd}" +
                      $"&observation_end={last:yyyy-MM-dd}{period}&sort_order=asc&limit={PageSize}&offset={offset}";
            var page = await gateway.SendAsync(client,
                () => new HttpRequestMessage(HttpMethod.Get, url),
                body => FredParser.ParseObservations(body, vintages: native),
                FredParser.Classify,
                ct);
            yield return new RawBatch(asset, page.Rows, page.Unreadable, page.Vintages);
            if (page.Received == 0 || offset + page.Received >= page.Count)
                yield break;
        }
    }
}
