namespace InvestmentPlatform.Data.Access;

/// <summary>A machine's credential, owned by a user; only its SHA-256 is stored.</summary>
public class ApiKey
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The key's first characters, shown so a person can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    /// <summary>read, write or admin.</summary>
    public required string Scope { get; set; }
    /// <summary>Whether the key may scrape /metrics.</summary>
    public bool Metrics { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
