namespace InvestmentPlatform.Data.Portfolio;

public class PortfolioAccount
{
    public Guid Id { get; set; }
    /// <summary>The user who made it; only they (and admins) see it. Null for portfolios made before users existed.</summary>
    public string? OwnerId { get; set; }
    public required string Name { get; set; }
    public required string BaseCurrency { get; set; }
    /// <summary>fifo or average.</summary>
    public string CostBasisMethod { get; set; } = "fifo";
    public bool AllowShort { get; set; }
    public string? BenchmarkSymbol { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
