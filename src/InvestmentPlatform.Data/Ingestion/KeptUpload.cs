namespace InvestmentPlatform.Data.Ingestion;

/// <summary>
/// A CSV upload kept for scheduled jobs to import again and again (option "upload" of a CSV job). Uploads made for one
/// request are not listed here and go when their request ends; kept ones stay until their owner removes them.
/// </summary>
public class KeptUpload
{
    public Guid Id { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>The file name the client gave, for people to recognise it; never used as a path.</summary>
    public string? FileName { get; set; }
    public long Bytes { get; set; }
    public DateTime CreatedAt { get; set; }
}
