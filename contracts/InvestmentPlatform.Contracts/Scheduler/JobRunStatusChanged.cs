namespace InvestmentPlatform.Contracts.Scheduler;

/// <summary>
/// v1.2. A scheduler run changed status; the dashboard shows it live. v1.1 adds <paramref name="Owner"/>, v1.2
/// <paramref name="Symbols"/> and <paramref name="AssetTypes"/>, so subscribers need not read the job back.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="RunId">The run.</param>
/// <param name="JobName">The job's name.</param>
/// <param name="Status">pending, running, succeeded, failed, skipped or timed_out.</param>
/// <param name="RecordsLoaded">Rows loaded by the run so far.</param>
/// <param name="ErrorClass">Failure class when failed, otherwise null.</param>
/// <param name="Message">Reason for a failure or a skip, otherwise null.</param>
/// <param name="Timestamp">When the status changed, UTC.</param>
/// <param name="Owner">v1.1: whose job it is, so subscribers need not read the job back.</param>
/// <param name="Symbols">v1.2: the symbols the job names (empty when an asset filter selects them). Null from older publishers.</param>
/// <param name="AssetTypes">
/// v1.2: the asset types the job concerns: its own or its filter's, else each of its stored symbols'. Null from older publishers.
/// </param>
public record JobRunStatusChanged(
    Guid JobId,
    Guid RunId,
    string JobName,
    string Status,
    long RecordsLoaded,
    string? ErrorClass,
    string? Message,
    DateTime Timestamp,
    JobOwner? Owner = null,
    IReadOnlyList<string>? Symbols = null,
    IReadOnlyList<string>? AssetTypes = null);
