namespace InvestmentPlatform.Data.Scheduler;

public class JobRun
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    /// <summary>pending, running, succeeded, failed, skipped or timed_out.</summary>
    public required string Status { get; set; }
    /// <summary>schedule, manual, dependency or retry.</summary>
    public required string Trigger { get; set; }
    public int Attempt { get; set; } = 1;
    /// <summary>The firing that started a dependency chain; dependents share it.</summary>
    public Guid? ChainId { get; set; }
    /// <summary>The collection request a collection job's run submitted.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>The report a report job's run asked for.</summary>
    public Guid? ReportId { get; set; }
    public DateTime ScheduledAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public long RecordsCollected { get; set; }
    public long RecordsLoaded { get; set; }
    public long RecordsRejected { get; set; }
    public string? ErrorClass { get; set; }
    public string? ErrorMessage { get; set; }
    public int Version { get; set; }
}
