namespace InvestmentPlatform.Data.Portfolio;

public class PortfolioTransaction
{
    public Guid Id { get; set; }
    public Guid PortfolioId { get; set; }
    /// <summary>buy, sell, dividend, interest, fee, deposit, withdrawal or split.</summary>
    public required string Type { get; set; }
    public long? AssetId { get; set; }
    public DateTime Time { get; set; }
    public double Quantity { get; set; }
    public double Price { get; set; }
    /// <summary>Cash amount for cash-only transactions (dividend, interest, fee, deposit, withdrawal).</summary>
    public double Amount { get; set; }
    public double Fee { get; set; }
    public required string Currency { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every user edit checks the version it read and bumps it.</summary>
    public int Version { get; set; }
}
