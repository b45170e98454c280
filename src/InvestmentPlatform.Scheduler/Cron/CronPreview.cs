using InvestmentPlatform.Scheduler.Jobs;
using Quartz;

namespace InvestmentPlatform.Scheduler.Cron;

public sealed record CronPreviewDto(string Expression, string TimeZone, string Description, IReadOnlyList<DateTime> Next);

/// <summary>Quartz cron parsing in a time zone, shared by validation and the next-fire preview.</summary>
public static class CronPreview
{
    public const int MaxCount = 50;

    public static bool TryParse(string? expression, string? timeZone, out CronExpression? cron, out SchedulerProblem? problem)
    {
        cron = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            problem = SchedulerProblem.Invalid("expr", "a cron expression is required (Quartz syntax, seconds first: 0 0 18 ? * MON-FRI).");
            return false;
        }
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problem = SchedulerProblem.Invalid("tz", $"time zone '{timeZone}' is not known: use an IANA name such as Europe/London.");
            return false;
        }
        try
        {
            cron = new CronExpression(expression.Trim(), zone);
            if (cron.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
            {
                problem = SchedulerProblem.Invalid("expr", $"cron expression '{expression}' never fires again.");
                return false;
            }
            return true;
        }
        catch (FormatException ex)
        {
            problem = SchedulerProblem.Invalid("expr", $"cron expression '{expression}' is not valid: {ex.Message}");
            return false;
        }
    }

    public static Outcome<CronPreviewDto> Preview(string? expression, string? timeZone, int? count, DateTimeOffset now)
    {
        var n = count ?? 5;
        if (n is < 1 or > MaxCount)
            return SchedulerProblem.Invalid("count", $"count must be between 1 and {MaxCount}.");
        if (!TryParse(expression, timeZone, out var cron, out var problem))
            return problem!;
        var next = new List<DateTime>();
        var after = now;
        while (next.Count < n && cron!.GetNextValidTimeAfter(after) is { } t)
        {
            next.Add(t.UtcDateTime);
            after = t;
        }
        return new CronPreviewDto(expression!.Trim(), cron!.TimeZone.Id, CronDescription.Describe(expression.Trim(), cron.TimeZone.Id), next);
    }
}
