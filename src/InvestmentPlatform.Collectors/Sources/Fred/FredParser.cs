using System.Globalization;
using System.Net;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Fred;

public static class FredParser
{
    private const string Source = FredCollector.Name;

    /// <summary>ALFRED's realtime_end of the value that is still the published one.</summary>
    private const string StillCurrent = "9999-12-31";

    public sealed record Page(List<SeriesRow> Rows, List<RejectedRow> Unreadable, int Count, int Offset, int Received, List<SeriesVintage> Vintages);

    /// <summary>
    /// Parses observations; "." marks a missing observation and is dropped, never read as zero. With
    /// <paramref name="vintages"/> the answer holds every real-time period of each observation: each becomes a vintage,
    /// and the rows are the values still current.
    /// </summary>
    public static Page ParseObservations(byte[] body, bool vintages = false)
    {
        var response = JsonSerializer.Deserialize<FredObservationsResponse>(body, ProviderJson.Options)
                       ?? throw new CollectorException(ErrorClass.BadPayload, Source, "empty observations answer");
        if (response.Observations is null)
            throw new CollectorException(ErrorClass.BadPayload, Source, "the answer has no 'observations' array");
        var rows = new List<SeriesRow>(response.Observations.Count);
        var unreadable = new List<RejectedRow>();
        var kept = new List<SeriesVintage>();
        foreach (var observation in response.Observations)
        {
            if (!DateTime.TryParseExact(observation.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                unreadable.Add(new RejectedRow(null, null, $"observation date '{observation.Date}' is not yyyy-MM-dd",
                    Raw: $"{observation.Date},{observation.Value}"));
                continue;
            }
            if (observation.Value is "." or null or "")
                continue;
            if (!double.TryParse(observation.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                unreadable.Add(new RejectedRow(date, null, $"value '{observation.Value}' is not a number",
                    Raw: $"{observation.Date},{observation.Value}"));
                continue;
            }
            if (vintages)
            {
                if (Day(observation.Realtime_Start) is not { } validFrom)
                {
                    unreadable.Add(new RejectedRow(date, null, $"realtime_start '{observation.Realtime_Start}' is not yyyy-MM-dd",
                        Raw: $"{observation.Date},{observation.Value}"));
                    continue;
                }
                var current = observation.Realtime_End is null or StillCurrent;
                kept.Add(new SeriesVintage(date, validFrom, current ? null : Day(observation.Realtime_End), value));
                if (!current)
                    continue;
            }
            rows.Add(new SeriesRow(date, value, value, value, value));
        }
        return new Page(rows, unreadable, response.Count, response.Offset, response.Observations.Count, kept);
    }

    private static DateTime? Day(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) ? day : null;

    public static AssetDescription ParseSeries(byte[] body, string symbol, string? assetType)
    {
        var response = JsonSerializer.Deserialize<FredSeriesResponse>(body, ProviderJson.Options);
        var series = response?.Seriess is [var first, ..] ? first
            : throw new CollectorException(ErrorClass.NotFound, Source, $"series '{symbol}' has no description");
        var metadata = new Dictionary<string, string>();
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) metadata[key] = value;
        }
        Put("frequency", series.Frequency);
        Put("frequencyShort", series.Frequency_Short);
        Put("units", series.Units);
        Put("unitsShort", series.Units_Short);
        Put("seasonalAdjustment", series.Seasonal_Adjustment_Short);
        Put("lastUpdated", series.Last_Updated);
        return new AssetDescription(series.Id ?? symbol, series.Title, assetType ?? AssetTypeOf(symbol, series.Title), null, "FRED", Source, metadata);
    }

    /// <summary>Treasury yields (DGS1MO … DGS30, DTB3, DFII10, T10Y2Y) are bonds; everything else an economic indicator.</summary>
    internal static string AssetTypeOf(string symbol, string? title)
    {
        var id = symbol.ToUpperInvariant();
        return id.StartsWith("DGS", StringComparison.Ordinal) || id.StartsWith("DTB", StringComparison.Ordinal)
               || id.StartsWith("DFII", StringComparison.Ordinal) || id.StartsWith("T10Y", StringComparison.Ordinal)
               || title?.Contains("Treasury", StringComparison.OrdinalIgnoreCase) == true && title.Contains("Yield", StringComparison.OrdinalIgnoreCase)
            ? AssetTypes.Bond
            : AssetTypes.EconomicIndicator;
    }

    public static CollectorException? Classify(HttpStatusCode status, byte[] body)
    {
        if (ProviderJson.TryRead<FredError>(body) is not { Error_Message: { } message })
            return null;
        var errorClass = message switch
        {
            _ when message.Contains("api_key", StringComparison.OrdinalIgnoreCase) => ErrorClass.Authentication,
            _ when message.Contains("does not exist", StringComparison.OrdinalIgnoreCase) => ErrorClass.NotFound,
            _ => SourceGateway.ClassOf(status),
        };
        return new CollectorException(errorClass, Source, message);
    }
}
