namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>Where a collection request stands: in the API, on the hub and in <see cref="CollectionCompleted.Status"/>.</summary>
public static class IngestionStatuses
{
    /// <summary>Stored, not planned yet.</summary>
    public const string Pending = "pending";
    /// <summary>Planned; chunks are being collected.</summary>
    public const string Running = "running";
    /// <summary>Every chunk succeeded.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Some chunks succeeded, some did not.</summary>
    public const string PartiallySucceeded = "partially_succeeded";
    /// <summary>No chunk succeeded.</summary>
    public const string Failed = "failed";
    /// <summary>No chunk succeeded and one ran out of time, or the request ran past its timeout.</summary>
    public const string TimedOut = "timed_out";
    /// <summary>Cancelled by its requester or its scheduler run.</summary>
    public const string Cancelled = "cancelled";
}
