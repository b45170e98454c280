namespace InvestmentPlatform.Analytics.Compute;

public static class AnalyticsKinds
{
    public const string Performance = "performance";
    public const string Risk = "risk";

    public static bool IsKnown(string? kind) => kind is Performance or Risk;
}
