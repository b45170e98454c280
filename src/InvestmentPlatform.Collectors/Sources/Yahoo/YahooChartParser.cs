using System.Globalization;
using System.Net;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Yahoo;

/// <summary>Turns a chart answer into rows and an asset description.</summary>
public static class YahooChartParser
{
    private const string Source = YahooCollector.Name;

    public static (AssetDescription Asset, List<SeriesRow> Rows) Parse(byte[] body, string symbol, string? assetType, string interval)
    {
        var response = JsonSerializer.Deserialize<YahooChartResponse>(body, ProviderJson.Options)
                       ?? throw new CollectorException(ErrorClass.BadPayload, Source, "empty chart answer");
        var chart = response.Chart ?? response.Finance
                    ?? throw new CollectorException(ErrorClass.BadPayload, Source, "the answer has no 'chart' object");
        if (chart.Error is { } error)
            throw ToException(error, HttpStatusCode.OK);
        var result = chart.Result is [var first, ..] ? first
            : throw new CollectorException(ErrorClass.BadPayload, Source, "the chart answer has neither a result nor an error");
        var meta = result.Meta ?? throw new CollectorException(ErrorClass.BadPayload, Source, "the chart result has no 'meta'");

        // Prices are kept as quoted: an LSE stock's "GBp" stays pence, and the asset's currency says so.
        var currency = meta.Currency;
        var zone = FindZone(meta.ExchangeTimezoneName);
        var daily = interval is "1d" or "1wk" or "1mo";
        DateTime TimeOf(long unix)
        {
            var utc = DateTime.UnixEpoch.AddSeconds(unix);
            if (!daily)
                return utc;
            // Daily and longer bars are dated by the exchange's calendar day, stored as midnight UTC.
            var local = zone is not null ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : utc.AddSeconds(meta.Gmtoffset ?? 0);
            return DateTime.SpecifyKind(local.Date, DateTimeKind.Utc);
        }

        var rows = new List<SeriesRow>(result.Timestamp?.Length ?? 0);
        var quote = result.Indicators?.Quote is [var q, ..] ? q : null;
        var adj = result.Indicators?.Adjclose is [var a, ..] ? a.Adjclose : null;
        var timestamps = result.Timestamp ?? [];
        for (var i = 0; i < timestamps.Length && quote is not null; i++)
        {
            var open = At(quote.Open, i);
            var high = At(quote.High, i);
            var low = At(quote.Low, i);
            var close = At(quote.Close, i);
            // Yahoo sends null for bars without trades; such bars are dropped, never read as zero.
            if (open is null || high is null || low is null || close is null)
                continue;
            rows.Add(new SeriesRow(TimeOf(timestamps[i]), open.Value, high.Value, low.Value, close.Value, At(adj, i), At(quote.Volume, i)));
        }

        ApplyEvents(rows, result.Events, TimeOf);

        var metadata = new Dictionary<string, string>();
        if (meta.ExchangeTimezoneName is { } tz) metadata["exchangeTimezone"] = tz;
        if (meta.InstrumentType is { } type) metadata["instrumentType"] = type;
        if (meta.PriceHint is { } hint and >= 0 and <= 10) metadata[AssetMetadata.PriceDecimals] = hint.ToString(CultureInfo.InvariantCulture);
        var asset = new AssetDescription(
            meta.Symbol ?? symbol,
            meta.LongName ?? meta.ShortName,
            assetType ?? AssetTypeOf(meta.InstrumentType),
            currency,
            meta.FullExchangeName ?? meta.ExchangeName,
            Source,
            metadata);
        return (asset, rows);
    }

    private static void ApplyEvents(List<SeriesRow> rows, YahooEvents? events, Func<long, DateTime> timeOf)
    {
        if (events is null || rows.Count == 0)
            return;
        foreach (var dividend in events.Dividends?.Values ?? Enumerable.Empty<YahooDividend>())
            Update(rows, timeOf(dividend.Date), r => r with { Dividends = r.Dividends + dividend.Amount });
        foreach (var split in events.Splits?.Values ?? Enumerable.Empty<YahooSplit>())
            if (split.Denominator > 0)
                Update(rows, timeOf(split.Date), r => r with { StockSplits = split.Numerator / split.Denominator });
    }

    /// <summary>Events belong to the bar that contains them: the last bar starting at or before the event.</summary>
    private static void Update(List<SeriesRow> rows, DateTime time, Func<SeriesRow, SeriesRow> change)
    {
        int lo = 0, hi = rows.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (rows[mid].Time <= time) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found >= 0)
            rows[found] = change(rows[found]);
    }

    private static double? At(double?[]? values, int i) => values is not null && i < values.Length ? values[i] : null;

    private static TimeZoneInfo? FindZone(string? id)
    {
        if (id is null) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }

    internal static string AssetTypeOf(string? instrumentType) => instrumentType?.ToUpperInvariant() switch
    {
        "CURRENCY" => AssetTypes.Forex,
        "FUTURE" => AssetTypes.Commodity,
        "CRYPTOCURRENCY" => AssetTypes.Crypto,
        _ => AssetTypes.Stock,
    };

    /// <summary>Reads Yahoo's error body: <c>{"chart":{"result":null,"error":{"code":"Not Found","description":"..."}}}</c>.</summary>
    public static CollectorException? Classify(HttpStatusCode status, byte[] body)
    {
        var response = ProviderJson.TryRead<YahooChartResponse>(body);
        var error = response?.Chart?.Error ?? response?.Finance?.Error;
        return error is null ? null : ToException(error, status);
    }

    private static CollectorException ToException(YahooError error, HttpStatusCode status)
    {
        var errorClass = error.Code switch
        {
            "Not Found" => ErrorClass.NotFound,
            "Unauthorized" or "Forbidden" => ErrorClass.Authentication,
            "Too Many Requests" => ErrorClass.RateLimited,
            "Bad Request" or "Unprocessable Entity" => ErrorClass.BadRequest,
            "Internal Server Error" or "Service Unavailable" => ErrorClass.Transient,
            _ => status == HttpStatusCode.OK ? ErrorClass.BadRequest : SourceGateway.ClassOf(status),
        };
        return new CollectorException(errorClass, Source, $"{error.Code}: {error.Description}");
    }
}
