using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Reports.Exports;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.MarketData;

public enum BarFormat { Json, Csv, Parquet, Arrow }

/// <summary>
/// Validated query of GET /api/market-data/{symbol}/bars. from and to are inclusive; <see cref="AsOf"/> is a day: the
/// values published on it.
/// </summary>
public sealed record BarQuery(string Interval, DateTime? From, DateTime? To, string Adjust, BarFormat Format, int? Limit, bool IncludeQuarantined = false,
    CurrencyUnit? Currency = null, DateTime? AsOf = null)
{
    public const int MaxLimit = 1_000_000;
    public static readonly IReadOnlyList<string> AdjustModes = ["raw", "split", "total-return"];

    /// <returns>The query, or 400 field errors (422 for an unknown interval is decided by the caller).</returns>
    public static (BarQuery? Query, Dictionary<string, string[]> Errors) Parse(
        HttpRequest request, string? interval, string? from, string? to, string? adjust, string? format, int? limit, string? quality = null,
        string? currency = null, string? asOf = null)
    {
        var errors = QueryTime.ParseRange(from, to, out var fromTime, out var toTime);
        if (!QueryTime.TryParse(asOf, out var asOfTime))
            errors["asOf"] = [$"'{asOf}' is not an ISO-8601 date (for example 2020-06-01)."];
        var mode = string.IsNullOrWhiteSpace(adjust) ? "raw" : adjust.Trim().ToLowerInvariant();
        if (!AdjustModes.Contains(mode))
            errors["adjust"] = [$"adjust '{adjust}' is not known: use raw, split or total-return."];
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        var qualityMode = string.IsNullOrWhiteSpace(quality) ? "clean" : quality.Trim().ToLowerInvariant();
        if (qualityMode is not ("clean" or "all"))
            errors["quality"] = [$"quality '{quality}' is not known: use clean (quarantined bars left out) or all."];
        CurrencyUnit? target = null;
        try
        {
            target = CurrencyConverter.ParseTarget(currency);
        }
        catch (AnalyticsException ex)
        {
            errors[ex.Field] = [ex.Message];
        }
        BarFormat? output = ParseFormat(request, format);
        if (output is null)
            errors["format"] = [$"format '{format}' is not known: use json, csv, parquet or arrow."];
        return errors.Count > 0
            ? (null, errors)
            : (new BarQuery(string.IsNullOrWhiteSpace(interval) ? "1d" : interval.Trim(), fromTime, toTime, mode, output!.Value, limit, qualityMode == "all", target,
                asOfTime?.Date is { } day ? DateTime.SpecifyKind(day, DateTimeKind.Utc) : null), errors);
    }

    public bool IsKnownInterval => BarIntervals.IsKnown(Interval);

    private static BarFormat? ParseFormat(HttpRequest request, string? format) =>
        format?.Trim().ToLowerInvariant() switch
        {
            null or "" => FromAccept(request),
            "json" => BarFormat.Json,
            "csv" => BarFormat.Csv,
            "parquet" => BarFormat.Parquet,
            "arrow" => BarFormat.Arrow,
            _ => null,
        };

    private static BarFormat FromAccept(HttpRequest request)
    {
        bool Accepts(string type) => request.Headers.Accept.Any(a => a?.Contains(type, StringComparison.OrdinalIgnoreCase) == true);
        return Accepts("text/csv") ? BarFormat.Csv
            : Accepts(ParquetBarWriter.ContentType) ? BarFormat.Parquet
            : Accepts(ArrowBarWriter.ContentType) ? BarFormat.Arrow
            : BarFormat.Json;
    }
}
