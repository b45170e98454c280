using System.Diagnostics.Metrics;
using InvestmentPlatform.ServiceDefaults;

namespace InvestmentPlatform.Scheduler.Quartz;

public static class SchedulerMetrics
{
    /// <summary>Quartz firings executed by this process; tag "job". Summed over a cluster it counts each firing once.</summary>
    public static readonly Counter<long> Firings =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.scheduler.firings", "{firing}", "Quartz trigger firings executed");
}
