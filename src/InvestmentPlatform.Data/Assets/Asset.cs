namespace InvestmentPlatform.Data.Assets;

public class Asset
{
    public long AssetId { get; set; }
    public required string Symbol { get; set; }
    public string? Name { get; set; }
    public required string AssetType { get; set; }
    public string? Currency { get; set; }
    public string? Exchange { get; set; }
    public required string Source { get; set; }
    /// <summary>Provider facts as a JSON object (time zone, original price unit, series frequency, units).</summary>
    public string Metadata { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every user edit checks the version it read and bumps it.</summary>
    public int Version { get; set; }
}
