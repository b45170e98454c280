namespace InvestmentPlatform.Data.Trading;

/// <summary>One fill of a paper order on one bar; unique per (order, bar), so a bar seen twice fills nothing twice.</summary>
public class PaperFill
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid AccountId { get; set; }
    public DateTime BarTime { get; set; }
    public double Quantity { get; set; }
    public double Price { get; set; }
    public double Fee { get; set; }
    /// <summary>The buy or sell transaction the fill became in the account's portfolio.</summary>
    public Guid TransactionId { get; set; }
    public DateTime CreatedAt { get; set; }
}
