namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>An all-or-nothing import with bad lines: nothing was stored, and every bad line is listed.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : Exception($"{errors.Count} line(s) of the import are invalid; nothing was imported.")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
