namespace InvestmentPlatform.Alerts.Rules;

/// <summary>The rule kinds, channels and parameter words the API accepts.</summary>
public static class AlertKinds
{
    public const string Price = "price";
    public const string Move = "move";
    public const string Volume = "volume";
    public const string Stale = "stale";
    public const string Job = "job";
    public const string Portfolio = "portfolio";

    public static readonly string[] All = [Price, Move, Volume, Stale, Job, Portfolio];

    /// <summary>Kinds evaluated on SeriesUpdated: they watch one asset's series.</summary>
    public static readonly string[] OnSeries = [Price, Move, Volume];

    public const string InApp = "inapp";
    public const string Webhook = Data.Alerts.NotificationChannelKinds.Webhook;
    public const string Email = Data.Alerts.NotificationChannelKinds.Email;

    public static readonly string[] Channels = [InApp, Webhook, Email];

    public static readonly string[] PriceDirections = ["above", "below"];
    public static readonly string[] MoveDirections = ["up", "down", "either"];
    public static readonly string[] PriceFields = ["close", "high", "low"];

    public const string Drawdown = "drawdown";
    public const string ValueAtRisk = "var";
    /// <summary>What a portfolio rule watches (its field).</summary>
    public static readonly string[] PortfolioMeasures = [Drawdown, ValueAtRisk];
}
