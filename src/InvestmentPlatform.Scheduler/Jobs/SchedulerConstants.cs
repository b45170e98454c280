namespace InvestmentPlatform.Scheduler.Jobs;

public static class RunStatuses
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string TimedOut = "timed_out";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Running, Succeeded, Failed, Skipped, TimedOut, Cancelled];

    public static bool IsFinished(string status) => status is Succeeded or Failed or Skipped or TimedOut or Cancelled;
}

public static class RunTriggers
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
    public const string Dependency = "dependency";
    public const string Retry = "retry";
}

public static class ScheduleKinds
{
    public const string Cron = "cron";
    public const string Interval = "interval";
    public const string Dependencies = "dependencies";

    public static readonly IReadOnlyList<string> All = [Cron, Interval, Dependencies];
}

public static class CollectionModes
{
    public static readonly IReadOnlyList<string> All = ["batch", "incremental"];
}

/// <summary>What a job's run does: collect bars (a collection request) or make a report (a report request).</summary>
public static class JobKinds
{
    public const string Collection = "collection";
    public const string Report = "report";

    public static readonly IReadOnlyList<string> All = [Collection, Report];
}
