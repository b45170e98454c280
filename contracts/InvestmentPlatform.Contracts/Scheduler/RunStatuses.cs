namespace InvestmentPlatform.Contracts.Scheduler;

/// <summary>Where a job's run stands, as it travels in <see cref="JobRunStatusChanged.Status"/> and the API.</summary>
public static class RunStatuses
{
    /// <summary>Stored, waiting for its dependencies or its turn.</summary>
    public const string Pending = "pending";
    /// <summary>Its collection or report request was submitted and has not ended.</summary>
    public const string Running = "running";
    /// <summary>Its request ended well; final.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Its request failed or could not be submitted; final.</summary>
    public const string Failed = "failed";
    /// <summary>Not started, because a dependency did not succeed; final.</summary>
    public const string Skipped = "skipped";
    /// <summary>Did not end within the job's timeout; final.</summary>
    public const string TimedOut = "timed_out";
    /// <summary>Cancelled by a user; final.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every status, in the order a run passes through them.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Running, Succeeded, Failed, Skipped, TimedOut, Cancelled];

    /// <summary>Whether a run in this status has ended for good.</summary>
    public static bool IsFinished(string status) => status is Succeeded or Failed or Skipped or TimedOut or Cancelled;
}
