using System.Globalization;

namespace InvestmentPlatform.Api.Http;

/// <summary>Parses ISO-8601 times and dates from query strings; times without an offset are UTC.</summary>
public static class QueryTime
{
    private static readonly string[] DateOnlyFormats = ["yyyy-MM-dd"];

    public static bool TryParse(string? value, out DateTime? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        if (DateTime.TryParseExact(value, DateOnlyFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ||
            DateTime.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        {
            time = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    /// <summary>Validates an optional from/to pair; errors name the offending field.</summary>
    public static Dictionary<string, string[]> ParseRange(string? from, string? to, out DateTime? fromTime, out DateTime? toTime)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TryParse(from, out fromTime))
            errors["from"] = [$"'{from}' is not an ISO-8601 date or time (for example 2024-01-02 or 2024-01-02T15:30:00Z)."];
        if (!TryParse(to, out toTime))
            errors["to"] = [$"'{to}' is not an ISO-8601 date or time (for example 2024-01-31 or 2024-01-31T23:59:00Z)."];
        if (errors.Count == 0 && fromTime > toTime)
            errors["from"] = [$"from ({fromTime:O}) is after to ({toTime:O})."];
        return errors;
    }
}
