using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Reports;

/// <summary>Reads generated reports back: PDFs through poppler's pdftotext (page 1 also to a PNG for people), workbooks through the Open XML SDK.</summary>
public static class ReportFiles
{
    public static string OutputFolder => Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "test-output", "reports")).FullName;

    /// <summary>The PDF's text in reading layout; page 1 is saved as <paramref name="name"/>.png under test-output/reports.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf, string name)
    {
        var file = Path.Combine(OutputFolder, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(OutputFolder, name));
        return await RunAsync("pdftotext", "-layout", file, "-");
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (poppler-utils installed?)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return await output;
    }

    /// <summary>One cell of a workbook: its type ("n" number, "s"/"inlineStr" text), style index and raw value.</summary>
    public sealed record XCell(string Type, uint Style, string Value)
    {
        public double Number => double.Parse(Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every sheet by name, each a map from cell reference (B2) to cell.</summary>
    public static Dictionary<string, Dictionary<string, XCell>> Workbook(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, Dictionary<string, XCell>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => new XCell(
                c.DataType?.Value is { } t ? (t == CellValues.InlineString ? "inlineStr" : t == CellValues.Number ? "n" : t.ToString()!) : "n",
                c.StyleIndex?.Value ?? 0,
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? ""));
        }
        return result;
    }
}
