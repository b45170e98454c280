using System.Text;

namespace InvestmentPlatform.Reports.Exports;

/// <summary>
/// CSV text cells that a spreadsheet opens as text, never as a formula: a cell starting with = + - @ (or a tab or
/// carriage return, which some spreadsheets skip before looking) gets a leading apostrophe, and any cell holding a
/// comma, quote or line break is quoted. Numbers the platform writes itself are not text cells and stay numbers.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var text = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    /// <summary>One CSV line of escaped text cells, ending with a line feed.</summary>
    public static string Line(IEnumerable<string?> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
                line.Append(',');
            line.Append(Escape(cell));
        }
        return line.Append('\n').ToString();
    }
}
