using InvestmentPlatform.Contracts.Ingestion;
using System.Text.Json.Serialization;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Analytics;

/// <summary>What a performance or risk computation runs on; also the key of a stored result.</summary>
public sealed record AnalyticsParameters(
    IReadOnlyList<string> Symbols,
    DateTime? From,
    DateTime? To,
    string? Benchmark = null,
    double? RiskFree = null,
    string? RiskFreeSeries = null,
    double? PeriodsPerYear = null,
    int RollingWindow = AnalyticsParameters.DefaultRollingWindow,
    double Confidence = AnalyticsParameters.DefaultConfidence,
    // Left out of the stored key when not asked, so results computed before they existed still match.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Currency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Interval = null)
{
    public const int DefaultRollingWindow = 63;
    public const double DefaultConfidence = 0.95;
    public const int MaxSymbols = 1000;

    /// <summary>The same parameters with symbols trimmed, de-duplicated and sorted, and times in UTC.</summary>
    public AnalyticsParameters Normalize() => this with
    {
        Symbols = Symbols.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Benchmark = string.IsNullOrWhiteSpace(Benchmark) ? null : Benchmark.Trim(),
        RiskFreeSeries = string.IsNullOrWhiteSpace(RiskFreeSeries) ? null : RiskFreeSeries.Trim(),
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim(),
        // Daily is the default: written as null, so a daily result keeps the key it had before intervals existed.
        Interval = string.IsNullOrWhiteSpace(Interval) || Interval.Trim() == PeriodPrices.Daily ? null : Interval.Trim(),
        From = From is { } f ? f.ToUniversalTime() : null,
        To = To is { } t ? t.ToUniversalTime() : null,
    };

    /// <summary>Throws <see cref="AnalyticsException"/> (400) for malformed parameters.</summary>
    public void Validate()
    {
        if (Symbols.Count == 0)
            throw AnalyticsException.Invalid("symbols", "symbols is required: a comma list such as AAPL,MSFT.");
        if (Symbols.Count > MaxSymbols)
            throw AnalyticsException.Invalid("symbols", $"At most {MaxSymbols} symbols per request.");
        if (From is { } f && To is { } t && f > t)
            throw AnalyticsException.Invalid("from", "from must not be after to.");
        if (Confidence is <= 0 or >= 1 || double.IsNaN(Confidence))
            throw AnalyticsException.Invalid("confidence", "confidence must be strictly between 0 and 1, for example 0.95.");
        if (PeriodsPerYear is { } p && (p <= 0 || !double.IsFinite(p)))
            throw AnalyticsException.Invalid("periodsPerYear", "periodsPerYear must be positive.");
        if (RollingWindow < 2)
            throw AnalyticsException.Invalid("rollingWindow", "rollingWindow must be at least 2 periods.");
        if (RiskFree is { } rf && (rf <= -1 || !double.IsFinite(rf)))
            throw AnalyticsException.Invalid("riskFree", "riskFree is an annual rate as a decimal (0.02 for 2%) above -1.");
        if (RiskFree is not null && RiskFreeSeries is not null)
            throw AnalyticsException.Invalid("riskFree", "Give riskFree or riskFreeSeries, not both.");
        CurrencyConverter.ParseTarget(Currency);
        if (Interval is not null && !PeriodPrices.Intervals.Contains(Interval))
            throw AnalyticsException.Invalid("interval", "interval must be 1d, 1wk or 1mo: returns are daily, or from the last daily price of each week or month.");
    }

    /// <summary>The interval the returns are taken at: 1d unless asked.</summary>
    public string IntervalOrDaily => Interval ?? PeriodPrices.Daily;

    /// <summary>
    /// Daily: 252 for exchange-traded assets, 365 for crypto (traded every day); weekly 52 and monthly 12 for all;
    /// unless overridden.
    /// </summary>
    public double PeriodsPerYearFor(string assetType) =>
        PeriodsPerYear ?? IntervalOrDaily switch
        {
            PeriodPrices.Weekly => 52,
            PeriodPrices.Monthly => 12,
            _ => assetType == AssetTypes.Crypto ? 365 : 252,
        };
}
