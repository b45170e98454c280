namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>A collection request as the API, the CLI or the scheduler submits it, before validation.</summary>
public sealed record IngestionSubmission(
    string? Source,
    IReadOnlyList<string>? Symbols,
    string? AssetType,
    string? Interval,
    DateTime? From,
    DateTime? To,
    string? Mode,
    IReadOnlyDictionary<string, string>? Options = null,
    Guid? JobId = null,
    Guid? RunId = null,
    string? RequestedBy = null,
    SubmissionDoor Door = SubmissionDoor.Api);

/// <summary>One reason a submission is refused: 400 for malformed input, 422 for what the source cannot do.</summary>
public sealed record SubmissionError(string Field, string Message, bool Unprocessable = false);
