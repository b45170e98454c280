namespace InvestmentPlatform.Collectors.Imports;

/// <summary>Where CSV input may be read from, and how much of it (section "Imports").</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The one server folder whose files the command line may name; unset, no server file is read.</summary>
    public string? Directory { get; set; }

    /// <summary>Where uploaded CSV files are kept until their request finishes; by default "uploads" under the data folder.</summary>
    public string? UploadDirectory { get; set; }

    /// <summary>Largest CSV file read or accepted as an upload.</summary>
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest line of a CSV file, in characters.</summary>
    public int MaxLineLength { get; set; } = 4096;
}
