namespace InvestmentPlatform.Trading;

public sealed class TradingOptions
{
    public const string Section = "Trading";

    /// <summary>How often day orders past their session end are expired.</summary>
    public int ExpirySweepSeconds { get; set; } = 30;
}
