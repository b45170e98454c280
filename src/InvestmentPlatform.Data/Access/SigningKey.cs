namespace InvestmentPlatform.Data.Access;

/// <summary>The access-token signing key, encrypted with the Data Protection key ring kept in the same database.</summary>
public class SigningKey
{
    public required string Id { get; set; }
    public required string ProtectedKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
