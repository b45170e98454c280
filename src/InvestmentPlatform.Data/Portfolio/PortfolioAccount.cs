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
    /// <summary>standard (transactions entered by hand) or paper (transactions are the fills of a paper account).</summary>
    public string Kind { get; set; } = PortfolioKinds.Standard;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every user edit checks the version it read and bumps it.</summary>
    public int Version { get; set; }
}

public static class PortfolioKinds
{
    public const string Standard = "standard";
    public const string Paper = "paper";
}
