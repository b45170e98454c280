namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1. A row a collector refused, with why, and its values as received: the numbers that could be read (finite ones
/// only: a non-finite number is named in <paramref name="Reason"/>) and, for a source that sends text, the text itself.
/// </summary>
/// <param name="Time">Time of the row, when it could be read.</param>
/// <param name="Line">Line number in the source file (CSV), when there is one.</param>
/// <param name="Reason">Why the row was refused, naming the values at fault ("high 101.2 is below close 102.5").</param>
/// <param name="Open">Opening price as received, when it was a finite number.</param>
/// <param name="High">Highest price as received, when it was a finite number.</param>
/// <param name="Low">Lowest price as received, when it was a finite number.</param>
/// <param name="Close">Closing price (rate, value) as received, when it was a finite number.</param>
/// <param name="Volume">Volume as received, when it was a finite number.</param>
/// <param name="Raw">The row's text as received (a CSV line's fields, a provider's fields), when the source sent text.</param>
public record RejectedRow(
    DateTime? Time,
    int? Line,
    string Reason,
    double? Open = null,
    double? High = null,
    double? Low = null,
    double? Close = null,
    double? Volume = null,
    string? Raw = null)
{
    /// <summary>A parsed row refused for <paramref name="reason"/>, with its finite values.</summary>
    public static RejectedRow Of(SeriesRow row, string reason, int? line = null, string? raw = null) => new(
        row.Time, line, reason, Finite(row.Open), Finite(row.High), Finite(row.Low), Finite(row.Close), Finite(row.Volume), raw);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
