using System.Globalization;

namespace InvestmentPlatform.Reports.Documents;

/// <summary>How a cell is typed in Excel and written in a PDF.</summary>
/// <summary>How a cell is shown: Count is a whole number (rows, runs, gaps), Number keeps its decimals.</summary>
public enum CellKind { Text, Number, Percent, Date, Count }

public sealed record ReportColumn(string Name, CellKind Kind);

/// <summary>One table of a report; each becomes a sheet in Excel and a table in the PDF. Cells are string, double or DateTime (or null).</summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows);

public sealed record ChartLine(string Label, IReadOnlyList<DateTime> Times, IReadOnlyList<double> Values);

/// <param name="Percent">Values are fractions shown as percentages.</param>
public sealed record ReportChart(string Title, string Axis, bool Percent, IReadOnlyList<ChartLine> Lines);

/// <summary>
/// A report as data, before it is a file: the PDF and Excel writers render the same document, so both show the same
/// figures, and those figures come from the analytics services unchanged.
/// </summary>
public sealed record ReportDocument(
    string Title,
    string Subject,
    DateTime? From,
    DateTime To,
    DateTime GeneratedAt,
    string DataSource,
    bool IsSynthetic,
    IReadOnlyList<ReportChart> Charts,
    IReadOnlyList<ReportTable> Tables)
{
    public string Period => $"{(From is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "inception")} to {To:yyyy-MM-dd}";

    public string SourceLine => $"Data: {DataSource}{(IsSynthetic ? " (synthetic: generated, not market data)" : "")}";
}

/// <summary>How the PDF writes a cell; Excel keeps the value and formats it by its kind.</summary>
public static class CellText
{
    public static string Format(object? value, CellKind kind) => value switch
    {
        null => "",
        double d when kind == CellKind.Percent => Percent(d),
        double d when kind == CellKind.Count => d.ToString("#,##0", CultureInfo.InvariantCulture),
        double d => Number(d),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A fraction as a percentage with two decimals: 0.12345 → 12.35%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("#,##0.00##", CultureInfo.InvariantCulture);
}
