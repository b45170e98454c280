namespace InvestmentPlatform.Ingestion.Uploads;

/// <summary>A stored upload, or why it was refused.</summary>
public sealed record CsvUpload(Guid? Id, CsvUploadRefusal? Refusal, string? Problem)
{
    public static CsvUpload Stored(Guid id) => new(id, null, null);

    public static CsvUpload Refused(CsvUploadRefusal refusal, string problem) => new(null, refusal, problem);
}

public enum CsvUploadRefusal
{
    Empty,
    TooLarge,
    LineTooLong,
}
