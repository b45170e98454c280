using System.Diagnostics.Metrics;
using InvestmentPlatform.ServiceDefaults;

namespace InvestmentPlatform.Messaging.Faults;

/// <summary>Faulted messages on /metrics: how many faulted, and how many are kept now, by class.</summary>
public static class FaultMetrics
{
    private static IReadOnlyDictionary<string, long> _kept = new Dictionary<string, long>();

    /// <summary>Messages a consumer gave up on; tags "error_class" and "message_type".</summary>
    public static readonly Counter<long> Faulted =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.messaging.faulted", "{message}", "Messages that faulted, by class");

    /// <summary>Faulted messages kept now (waiting for a re-drive or an admin); tag "error_class". Read by the re-driver.</summary>
    public static readonly ObservableGauge<long> Kept = PlatformTelemetry.Meter.CreateObservableGauge("platform.messaging.faults_kept",
        () => _kept.Select(k => new Measurement<long>(k.Value, new KeyValuePair<string, object?>("error_class", k.Key))),
        "{message}", "Faulted messages kept, by class");

    public static void ObserveKept(IReadOnlyDictionary<string, long> counts) => _kept = counts;
}
