namespace InvestmentPlatform.Scheduler;

/// <summary>Scheduler settings (section Scheduler).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>First retry waits this long; each further retry doubles it, capped at <see cref="MaxRetryDelaySeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>How often the run sweeper dispatches due retries and times out overdue runs.</summary>
    public double SweepSeconds { get; set; } = 1;

    /// <summary>A trigger later than this counts as misfired; it then fires once and carries on.</summary>
    public double MisfireThresholdSeconds { get; set; } = 5;

    /// <summary>Shortest period a job may fire at, by cron or by interval.</summary>
    public double MinPeriodSeconds { get; set; } = 60;

    /// <summary>How often a clustered node checks in; a node silent for about twice this is recovered by the others.</summary>
    public double ClusterCheckinSeconds { get; set; } = 5;
}
