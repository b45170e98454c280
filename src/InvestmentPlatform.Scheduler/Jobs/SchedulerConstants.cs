namespace InvestmentPlatform.Scheduler.Jobs;

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
