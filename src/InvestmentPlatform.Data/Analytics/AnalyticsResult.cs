namespace InvestmentPlatform.Data.Analytics;

/// <summary>A stored computation, served again while its inputs are unchanged.</summary>
public class AnalyticsResult
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    /// <summary>Hash of the normalised parameters; one result per parameter set.</summary>
    public required string ParametersHash { get; set; }
    public required string Parameters { get; set; }
    /// <summary>Fingerprint of the input data (row counts and last times); a change invalidates the result.</summary>
    public string? InputsFingerprint { get; set; }
    public required string Status { get; set; }
    public string? Result { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
