namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>
/// How a submission reached the platform. Only the command line may name a server file (inside the import folder),
/// and only the upload endpoint names an upload; JSON requests and scheduled jobs name neither.
/// </summary>
public enum SubmissionDoor
{
    Api,
    Upload,
    Scheduler,
    CommandLine,
}
