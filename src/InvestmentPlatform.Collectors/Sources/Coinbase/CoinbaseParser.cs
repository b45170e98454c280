using System.Globalization;
using System.Net;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Coinbase;

public static class CoinbaseParser
{
    private const string Source = CoinbaseCollector.Name;

    /// <summary>Parses one page of candles into ascending rows; unreadable candles are returned as rejected.</summary>
    public static (List<SeriesRow> Rows, List<RejectedRow> Unreadable) Parse(byte[] body)
    {
        var response = JsonSerializer.Deserialize<CoinbaseCandlesResponse>(body, ProviderJson.Options)
                       ?? throw new CollectorException(ErrorClass.BadPayload, Source, "empty candles answer");
        if (response.Candles is null)
            throw new CollectorException(ErrorClass.BadPayload, Source, "the answer has no 'candles' array");

        var rows = new List<SeriesRow>(response.Candles.Count);
        var unreadable = new List<RejectedRow>();
        foreach (var candle in response.Candles)
        {
            if (!long.TryParse(candle.Start, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
            {
                unreadable.Add(new RejectedRow(null, null, $"candle start '{candle.Start}' is not a UNIX time"));
                continue;
            }
            var time = DateTime.UnixEpoch.AddSeconds(start);
            if (Number(candle.Open) is not { } open || Number(candle.High) is not { } high || Number(candle.Low) is not { } low
                || Number(candle.Close) is not { } close || Number(candle.Volume) is not { } volume)
            {
                unreadable.Add(new RejectedRow(time, null, "candle has a missing or non-numeric price or volume"));
                continue;
            }
            rows.Add(new SeriesRow(time, open, high, low, close, null, volume));
        }
        rows.Sort((a, b) => a.Time.CompareTo(b.Time));
        return (rows, unreadable);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static CollectorException? Classify(HttpStatusCode status, byte[] body)
    {
        if (ProviderJson.TryRead<CoinbaseError>(body) is not { Error: { } code } error)
            return null;
        var errorClass = code switch
        {
            "NOT_FOUND" => ErrorClass.NotFound,
            "INVALID_ARGUMENT" or "FAILED_PRECONDITION" => status == HttpStatusCode.NotFound ? ErrorClass.NotFound : ErrorClass.BadRequest,
            "UNAUTHENTICATED" or "PERMISSION_DENIED" => ErrorClass.Authentication,
            "RESOURCE_EXHAUSTED" => ErrorClass.RateLimited,
            "INTERNAL" or "UNAVAILABLE" or "UNKNOWN" => ErrorClass.Transient,
            _ => SourceGateway.ClassOf(status),
        };
        return new CollectorException(errorClass, Source, $"{code}: {error.Message ?? error.Error_Details}");
    }
}
