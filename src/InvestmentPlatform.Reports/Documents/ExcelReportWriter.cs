using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InvestmentPlatform.Reports.Documents;

/// <summary>
/// A report as .xlsx (Open XML SDK): a first "Report" sheet with the name, period, generation time, source and the
/// synthetic flag, then one sheet per table with typed cells: numbers as numbers, dates as date serials with a date
/// format, percentages as fractions with a percent format, text as inline strings.
/// </summary>
public static class ExcelReportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Style indexes into the cell formats below.
    private const uint TextStyle = 0, NumberStyle = 1, PercentStyle = 2, DateStyle = 3, HeaderStyle = 4, CountStyle = 5;

    public static void Write(ReportDocument report, Stream destination)
    {
        using var document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();

        var info = new ReportTable("Report", [new("Field", CellKind.Text), new("Value", CellKind.Text)],
        [
            ["Report", report.Title], ["Subject", report.Subject], ["Period", report.Period],
            ["Generated (UTC)", report.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss")], ["Data source", report.DataSource],
            ["Synthetic data", report.IsSynthetic ? "yes" : "no"],
        ]);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in new[] { info }.Concat(report.Tables))
            AddSheet(workbook, table, SheetName(table.Name, names));
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, ReportTable table, string name)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, table.Columns.Select(c => TextCell(c.Name, HeaderStyle))));
        uint index = 2;
        foreach (var values in table.Rows)
            data.Append(Row(index++, values.Select((v, i) => Cell(v, table.Columns[i].Kind))));
        var columns = new Columns(table.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Kind == CellKind.Text ? 28 : 14, CustomWidth = true,
        }));
        part.Worksheet = new Worksheet(columns, data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index;
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value, CellKind kind) => value switch
    {
        null => new Cell(),
        double d when !double.IsFinite(d) => new Cell(),
        double d => new Cell
        {
            DataType = CellValues.Number, CellValue = new CellValue(d),
            StyleIndex = kind switch { CellKind.Percent => PercentStyle, CellKind.Count => CountStyle, _ => NumberStyle },
        },
        DateTime t => new Cell { CellValue = new CellValue(t.ToOADate()), StyleIndex = DateStyle },
        _ => TextCell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", TextStyle),
    };

    private static Cell TextCell(string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },   // #,##0.00
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },  // 0.00%
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, // yyyy-mm-dd
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true }) { Count = 6 }); // #,##0

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var n = 2; !taken.Add(unique); n++)
            unique = $"{clean[..Math.Min(clean.Length, 28)]} {n}";
        return unique;
    }
}
