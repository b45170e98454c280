namespace InvestmentPlatform.Data.Series;

/// <summary>A row of economic_data: one observation of an economic series in its own units.</summary>
public class EconomicObservation : ISeriesEntity
{
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public DateTime Time { get; set; }
    public double Value { get; set; }
}
