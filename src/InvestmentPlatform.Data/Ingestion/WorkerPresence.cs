namespace InvestmentPlatform.Data.Ingestion;

/// <summary>
/// A running worker process, kept fresh by its heartbeat: the platform-wide cap on chunks in flight per source grows
/// with the workers present, so adding a worker adds collection capacity.
/// </summary>
public class WorkerPresence
{
    /// <summary>Chosen by the process when it starts.</summary>
    public Guid Id { get; set; }
    public required string Machine { get; set; }
    public int ProcessId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime SeenAt { get; set; }
}
