namespace InvestmentPlatform.Data.Access;

/// <summary>One successful change: who made it (user, and key when a key was used), what and when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime Time { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public Guid? ApiKeyId { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int Status { get; set; }
}
