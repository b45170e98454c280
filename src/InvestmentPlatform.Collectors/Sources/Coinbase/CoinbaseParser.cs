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

    /// <summary>
    /// Parses one page of candles into ascending rows; unreadable candles are returned as rejected. Reads the UTF-8
    /// bytes directly because every number arrives as a string and pages are parsed at high volume.
    /// </summary>
    public static (List<SeriesRow> Rows, List<RejectedRow> Unreadable) Parse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new CollectorException(ErrorClass.BadPayload, Source, "the candles answer is not a JSON object");
        List<SeriesRow>? rows = null;
        var unreadable = new List<RejectedRow>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("candles"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new CollectorException(ErrorClass.BadPayload, Source, "'candles' is not an array");
            rows = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                ReadCandle(ref reader, rows, unreadable);
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new JsonException("the candles answer does not end where its object does");
        if (rows is null)
            throw new CollectorException(ErrorClass.BadPayload, Source, "the answer has no 'candles' array");
        rows.Reverse(); // newest first on the wire
        if (!IsAscending(rows))
            rows.Sort((a, b) => a.Time.CompareTo(b.Time));
        return (rows, unreadable);
    }

    private static void ReadCandle(ref Utf8JsonReader reader, List<SeriesRow> rows, List<RejectedRow> unreadable)
    {
        long? start = null;
        double? open = null, high = null, low = null, close = null, volume = null;
        var startText = "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("open"u8) ? 'o' : reader.ValueTextEquals("high"u8) ? 'h'
                : reader.ValueTextEquals("low"u8) ? 'l' : reader.ValueTextEquals("close"u8) ? 'c'
                : reader.ValueTextEquals("volume"u8) ? 'v' : '\0';
            var isStart = reader.ValueTextEquals("start"u8);
            reader.Read();
            if (isStart)
            {
                startText = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                start = long.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
                    : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : null;
                continue;
            }
            var value = Number(ref reader);
            switch (field)
            {
                case 'o': open = value; break;
                case 'h': high = value; break;
                case 'l': low = value; break;
                case 'c': close = value; break;
                case 'v': volume = value; break;
                default: reader.Skip(); break;
            }
        }
        if (start is not { } unix)
        {
            unreadable.Add(new RejectedRow(null, null, $"candle start '{startText}' is not a UNIX time", open, high, low, close, volume));
            return;
        }
        var time = DateTime.UnixEpoch.AddSeconds(unix);
        if (open is null || high is null || low is null || close is null || volume is null)
        {
            var missing = new[] { ("open", open), ("high", high), ("low", low), ("close", close), ("volume", volume) }
                .Where(f => f.Item2 is null).Select(f => f.Item1);
            unreadable.Add(new RejectedRow(time, null, $"candle has a missing or non-numeric {string.Join(", ", missing)}", open, high, low, close, volume));
        }
        else
            rows.Add(new SeriesRow(time, open.Value, high.Value, low.Value, close.Value, null, volume.Value));
    }

    private static double? Number(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var n) => n,
        JsonTokenType.String when !reader.ValueIsEscaped && double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonTokenType.String when reader.ValueIsEscaped && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var e) => e,
        _ => null,
    };

    private static bool IsAscending(List<SeriesRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
            if (rows[i].Time < rows[i - 1].Time)
                return false;
        return true;
    }

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
