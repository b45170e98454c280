namespace InvestmentPlatform.Data.Access;

/// <summary>One refresh token, stored as its SHA-256. Using it revokes it and issues the next one.</summary>
public class RefreshToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
