using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace InvestmentPlatform.ServiceDefaults;

/// <summary>The platform's own meter and activity source; features add instruments to the meter.</summary>
public static class PlatformTelemetry
{
    public const string Name = "InvestmentPlatform";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);
}
