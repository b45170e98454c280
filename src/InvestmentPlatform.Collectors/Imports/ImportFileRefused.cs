using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Imports;

/// <summary>
/// The one answer to a file that may not be read, whatever the reason (missing, unreadable, outside the folder, not a
/// regular file), so a caller learns nothing about the server's files from it.
/// </summary>
public static class ImportFileRefused
{
    public const string Message = "the file is not available: name a regular file inside the import folder (Imports__Directory)";

    public static CollectorException For(string source) => new(ErrorClass.NotFound, source, Message);
}
