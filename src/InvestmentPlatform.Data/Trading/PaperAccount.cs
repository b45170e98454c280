namespace InvestmentPlatform.Data.Trading;

/// <summary>
/// The trading settings of a paper account. The account is a portfolio of kind paper (same id): its fills are that
/// portfolio's transactions, so holdings and analytics come from the portfolio engine.
/// </summary>
public class PaperAccount
{
    /// <summary>The portfolio's id.</summary>
    public Guid PortfolioId { get; set; }
    public double StartingCash { get; set; }
    /// <summary>The bar interval the account trades on (1d, 1h, 1m...).</summary>
    public required string Interval { get; set; }
    /// <summary>Buying power is cash plus (leverage − 1) × equity when margin is enabled.</summary>
    public bool MarginEnabled { get; set; }
    public double Leverage { get; set; } = 1;
    /// <summary>Largest position after an order, as a fraction of equity (0.25 = 25 %).</summary>
    public double MaxPositionFraction { get; set; } = 1;
    /// <summary>Largest notional of one order in the base currency; null for no limit.</summary>
    public double? MaxOrderNotional { get; set; }
    public double FeePerUnit { get; set; }
    /// <summary>Fraction of the notional (0.001 = 0.1 %).</summary>
    public double FeeRate { get; set; }
    /// <summary>Least fee an order pays over all its fills.</summary>
    public double FeeMinimum { get; set; }
    public double SlippageBps { get; set; }
    /// <summary>Largest share of a bar's volume one order fills (0.1 = 10 %).</summary>
    public double ParticipationRate { get; set; } = 0.1;
    public DateTime CreatedAt { get; set; }
}
