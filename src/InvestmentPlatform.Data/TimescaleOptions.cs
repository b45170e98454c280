namespace InvestmentPlatform.Data;

public sealed class TimescaleOptions
{
    public const string Section = "Database:Timescale";

    /// <summary>Chunks older than this are compressed when TimescaleDB is present.</summary>
    public int CompressAfterDays { get; set; } = 30;

    /// <summary>Size of each hypertable chunk.</summary>
    public int ChunkIntervalDays { get; set; } = 7;
}
