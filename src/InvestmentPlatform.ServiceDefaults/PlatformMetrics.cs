using System.Diagnostics.Metrics;

namespace InvestmentPlatform.ServiceDefaults;

/// <summary>The platform's business metrics, scraped from /metrics (names get Prometheus suffixes there).</summary>
public static class PlatformMetrics
{
    /// <summary>Rows received from a source after validation; tag "source".</summary>
    public static readonly Counter<long> RowsCollected =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.ingestion.rows_collected", "{row}", "Rows collected per source");

    /// <summary>Rows rejected by validation; tag "source".</summary>
    public static readonly Counter<long> RowsRejected =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.ingestion.rows_rejected", "{row}", "Rows rejected per source");

    /// <summary>Rows written to the database; tags "source" and "table".</summary>
    public static readonly Counter<long> RowsLoaded =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.ingestion.rows_loaded", "{row}", "Rows loaded per source and table");

    /// <summary>Finished collection requests; tags "source" and "status".</summary>
    public static readonly Counter<long> RequestsFinished =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.ingestion.requests_finished", "{request}", "Collection requests finished");

    /// <summary>Provider calls that failed; tags "source" and "error_class".</summary>
    public static readonly Counter<long> CollectorErrors =
        PlatformTelemetry.Meter.CreateCounter<long>("platform.collector.errors", "{error}", "Collector failures by class");

    /// <summary>Scheduler run durations; tags "job" and "status".</summary>
    public static readonly Histogram<double> JobDuration =
        PlatformTelemetry.Meter.CreateHistogram<double>("platform.scheduler.job_duration", "s", "Scheduler run duration");
}
