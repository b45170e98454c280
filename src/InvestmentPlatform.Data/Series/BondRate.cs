namespace InvestmentPlatform.Data.Series;

/// <summary>A row of bond_rates: one yield observation, in percent.</summary>
public class BondRate : ISeriesEntity
{
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public DateTime Time { get; set; }
    public double Rate { get; set; }
}
