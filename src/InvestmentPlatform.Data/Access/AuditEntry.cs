namespace InvestmentPlatform.Data.Access;

/// <summary>One committed change: who made it (user, and key when a key was used), what and when. The row is saved
/// in the same transaction as the change, so it exists exactly when the change does.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime Time { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public Guid? ApiKeyId { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    /// <summary>What the change wrote, by entity: "Asset added, OutboxMessage added".</summary>
    public required string Changes { get; set; }
}
