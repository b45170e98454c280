namespace InvestmentPlatform.Ingestion;

public static class ChunkStatuses
{
    public const string Pending = "pending";
    /// <summary>Waits for an identical chunk of another running request and takes its outcome.</summary>
    public const string Coalesced = "coalesced";
    public const string Dispatched = "dispatched";
    public const string Collecting = "collecting";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed_out";
    public const string Cancelled = "cancelled";

    public static readonly string[] Active = [Pending, Coalesced, Dispatched, Collecting];
    public static readonly string[] InFlight = [Dispatched, Collecting];
    /// <summary>Still going to have an outcome that a coalesced chunk can wait for.</summary>
    public static readonly string[] Leading = [Pending, Dispatched, Collecting];
    public static readonly string[] Terminal = [Succeeded, Failed, TimedOut, Cancelled];

    public static bool IsTerminal(string status) => Terminal.Contains(status);
}
