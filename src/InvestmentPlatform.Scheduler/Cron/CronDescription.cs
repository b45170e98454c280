namespace InvestmentPlatform.Scheduler.Cron;

/// <summary>A plain reading of a Quartz cron expression's fields, for the preview endpoint.</summary>
public static class CronDescription
{
    private static readonly string[] Fields = ["second", "minute", "hour", "day of month", "month", "day of week", "year"];

    public static string Describe(string expression, string timeZone)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var readings = parts.Select((value, i) => Read(Fields[Math.Min(i, Fields.Length - 1)], value))
            .Where(r => r is not null);
        return $"{string.Join(", ", readings)} ({timeZone})";
    }

    private static string? Read(string field, string value) => value switch
    {
        "?" => null,
        "*" => $"every {field}",
        _ when value.StartsWith("*/", StringComparison.Ordinal) => $"every {value[2..]} {field}s",
        _ when value.Contains('/') => $"{field} {value.Split('/')[0]} then every {value.Split('/')[1]}",
        _ => $"{field} {value}",
    };
}
