namespace InvestmentPlatform.Alerts;

/// <summary>Settings of the Alerts module (section Alerts).</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>How often the scheduler role checks the rules that time makes true (stale data).</summary>
    public int CheckSeconds { get; set; } = 300;
}
