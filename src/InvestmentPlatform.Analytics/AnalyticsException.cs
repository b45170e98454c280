namespace InvestmentPlatform.Analytics;

public enum AnalyticsErrorKind
{
    /// <summary>400: malformed parameter.</summary>
    Invalid,
    /// <summary>404: unknown symbol or resource.</summary>
    NotFound,
    /// <summary>422: well-formed, but the data cannot support it (no prices in the window, fewer than two).</summary>
    Unprocessable,
    /// <summary>409: conflicts with the stored state.</summary>
    Conflict,
    /// <summary>409: an edit carries an older version than the stored one.</summary>
    Stale,
}

/// <summary>Bad input found by the analytics and portfolio services; the API turns it into ProblemDetails.</summary>
public sealed class AnalyticsException(AnalyticsErrorKind kind, string field, string message) : Exception(message)
{
    public AnalyticsErrorKind Kind { get; } = kind;
    public string Field { get; } = field;

    public static AnalyticsException Invalid(string field, string message) => new(AnalyticsErrorKind.Invalid, field, message);
    public static AnalyticsException NotFound(string field, string message) => new(AnalyticsErrorKind.NotFound, field, message);
    public static AnalyticsException Unprocessable(string field, string message) => new(AnalyticsErrorKind.Unprocessable, field, message);
    public static AnalyticsException Conflict(string field, string message) => new(AnalyticsErrorKind.Conflict, field, message);
    public static AnalyticsException Stale(string what, int current) =>
        new(AnalyticsErrorKind.Stale, global::InvestmentPlatform.Data.EditVersions.Field, global::InvestmentPlatform.Data.EditVersions.Stale(what, current));

    /// <summary>Throws unless the edit carries the version stored (400 without one, 409 stale); returns it.</summary>
    public static int CheckVersion(int? read, int stored, string what) => read switch
    {
        null => throw Invalid(global::InvestmentPlatform.Data.EditVersions.Field, global::InvestmentPlatform.Data.EditVersions.Missing),
        { } v when v != stored => throw Stale(what, stored),
        { } v => v,
    };
}
