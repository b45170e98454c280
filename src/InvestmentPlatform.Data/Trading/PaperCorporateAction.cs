namespace InvestmentPlatform.Data.Trading;

/// <summary>
/// A split or dividend applied to a paper account's position: unique per (account, asset, ex-date, kind), so a bar
/// announced twice, or seen by two workers, applies it once. The cash or share change itself is the portfolio
/// transaction it names.
/// </summary>
public class PaperCorporateAction
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public long AssetId { get; set; }
    /// <summary>The ex-date, 00:00 UTC.</summary>
    public DateTime ExDate { get; set; }
    /// <summary>split or dividend.</summary>
    public required string Kind { get; set; }
    /// <summary>New shares per old share for a split; cash per share for a dividend.</summary>
    public double Value { get; set; }
    /// <summary>Units held (negative when short) at the start of the ex-date.</summary>
    public double Position { get; set; }
    /// <summary>Cash credited (debited when negative) for a dividend; 0 for a split.</summary>
    public double Amount { get; set; }
    /// <summary>The split or dividend transaction in the account's portfolio; null when nothing was held.</summary>
    public Guid? TransactionId { get; set; }
    public DateTime AppliedAt { get; set; }
}
