namespace InvestmentPlatform.Data.Reports;

/// <summary>A report asked for on the bus: what to build, how far it got, and the file's description once built.</summary>
public class ReportRequest
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>portfolio, comparison, coverage or scheduler.</summary>
    public required string Kind { get; set; }
    /// <summary>The kind's parameters, as JSON.</summary>
    public required string Parameters { get; set; }
    /// <summary>pdf or xlsx.</summary>
    public required string Format { get; set; }
    /// <summary>queued, running, succeeded or failed.</summary>
    public required string Status { get; set; }
    public string? Error { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The scheduler run that asked for it, for a scheduled report.</summary>
    public Guid? RunId { get; set; }
    /// <summary>The owner's email channel the finished report is sent to, with its file attached when small enough.</summary>
    public Guid? EmailChannelId { get; set; }
    /// <summary>The owner's webhook channel told that the report finished, with where to download it.</summary>
    public Guid? WebhookChannelId { get; set; }
}

/// <summary>A built report's bytes, apart from its request so that listing requests never reads files.</summary>
public class ReportFileContent
{
    public Guid ReportId { get; set; }
    public required byte[] Content { get; set; }
}
