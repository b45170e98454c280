namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>An open lot: signed quantity (negative when short) at a unit cost that includes buying fees.</summary>
public sealed class Lot(double quantity, double unitCost)
{
    public double Quantity { get; set; } = quantity;
    public double UnitCost { get; set; } = unitCost;
}

/// <summary>A holding of one asset; costs and P&amp;L in the asset's trading currency.</summary>
public sealed class Position(long assetId, string symbol, string currency)
{
    public long AssetId { get; } = assetId;
    public string Symbol { get; } = symbol;
    public string Currency { get; } = currency;
    public List<Lot> Lots { get; } = [];
    public double RealizedPnl { get; set; }
    /// <summary>Dividends received, net of withholding.</summary>
    public double Income { get; set; }

    public double Quantity => Lots.Sum(l => l.Quantity);
    public double CostBasis => Lots.Sum(l => l.Quantity * l.UnitCost);
    public double? AverageCost => Math.Abs(Quantity) > Ledger.Epsilon ? CostBasis / Quantity : null;
}
