using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace InvestmentPlatform.Reports.Documents;

/// <summary>
/// A report as PDF (PDFsharp): every page has a header with the report's name, subject, period and generation time,
/// the data's source and whether it is synthetic, and a "Page n of m" footer; charts (ScottPlot PNGs) first, then
/// each table, repeating its column names on every page it spans.
/// </summary>
public static class PdfReportWriter
{
    public const string ContentType = "application/pdf";
    private const double Margin = 40;
    private const double HeaderHeight = 62;
    private const double RowHeight = 13;

    public static void Write(ReportDocument report, Stream destination, string? fontDirectory)
    {
        ReportFonts.Install(fontDirectory);
        var regular = new XFont(ReportFonts.Family, 8);
        var bold = new XFont(ReportFonts.Family, 8, XFontStyleEx.Bold);
        var heading = new XFont(ReportFonts.Family, 11, XFontStyleEx.Bold);

        using var document = new PdfDocument();
        document.Info.Title = $"{report.Title}: {report.Subject}";
        document.Info.Subject = report.SourceLine;
        var page = new Page(document, report);

        foreach (var chart in report.Charts)
        {
            const double height = 220;
            page.Ensure(height + 10);
            var png = ReportCharts.Png(chart, 1300, 440, ReportFonts.Family);
            using var image = XImage.FromStream(new MemoryStream(png));
            page.Graphics.DrawImage(image, Margin, page.Y, page.Width * 0.85, height);
            page.Y += height + 10;
        }

        foreach (var table in report.Tables)
        {
            page.Ensure(RowHeight * 4);
            page.Graphics.DrawString(table.Name, heading, XBrushes.Black, Margin, page.Y, XStringFormats.TopLeft);
            page.Y += 18;
            var widths = Widths(page.Graphics, table, page.Width, regular, bold);
            DrawRow(page, table.Columns.Select(c => c.Name).ToList(), table, widths, bold);
            if (table.Rows.Count == 0)
            {
                page.Graphics.DrawString("(none)", regular, XBrushes.Gray, Margin, page.Y, XStringFormats.TopLeft);
                page.Y += RowHeight;
            }
            foreach (var row in table.Rows)
            {
                if (page.Ensure(RowHeight))
                    DrawRow(page, table.Columns.Select(c => c.Name).ToList(), table, widths, bold);
                DrawRow(page, row.Select((v, i) => CellText.Format(v, table.Columns[i].Kind)).ToList(), table, widths, regular);
            }
            page.Y += 12;
        }

        // Page numbers last, when the count is known.
        page.Graphics.Dispose();
        var count = document.PageCount;
        var footer = new XFont(ReportFonts.Family, 7);
        for (var i = 0; i < count; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            g.DrawString($"Page {i + 1} of {count}", footer, XBrushes.Gray,
                new XRect(Margin, p.Height.Point - Margin + 10, p.Width.Point - 2 * Margin, 10), XStringFormats.TopRight);
        }
        document.Save(destination, closeStream: false);
    }

    /// <summary>Each column as wide as its widest cell, all narrowed in proportion when the table is wider than the page.</summary>
    private static double[] Widths(XGraphics g, ReportTable table, double width, XFont regular, XFont bold)
    {
        var widths = table.Columns.Select((c, i) => Math.Max(
            g.MeasureString(c.Name, bold).Width,
            table.Rows.Select(r => g.MeasureString(CellText.Format(r[i], c.Kind), regular).Width).DefaultIfEmpty(0).Max()) + 10).ToArray();
        var total = widths.Sum();
        return total <= width ? widths : widths.Select(w => w * width / total).ToArray();
    }

    private static void DrawRow(Page page, IReadOnlyList<string> cells, ReportTable table, double[] widths, XFont font)
    {
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = Fit(page.Graphics, cells[i], font, widths[i] - 4);
            var right = table.Columns[i].Kind is CellKind.Number or CellKind.Percent or CellKind.Count;
            page.Graphics.DrawString(text, font, XBrushes.Black, new XRect(x + 2, page.Y, widths[i] - 4, RowHeight),
                right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            x += widths[i];
        }
        page.Y += RowHeight;
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
            return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width)
            text = text[..^1];
        return text + "…";
    }

    /// <summary>The page being written, started with the header; a new one is added when the next block does not fit.</summary>
    private sealed class Page
    {
        private readonly PdfDocument _document;
        private readonly ReportDocument _report;
        private readonly XFont _title = new(ReportFonts.Family, 14, XFontStyleEx.Bold);
        private readonly XFont _small = new(ReportFonts.Family, 8);
        private PdfPage _page = null!;

        public XGraphics Graphics { get; private set; } = null!;
        public double Y { get; set; }
        public double Width => _page.Width.Point - 2 * Margin;

        public Page(PdfDocument document, ReportDocument report)
        {
            _document = document;
            _report = report;
            Start();
        }

        /// <returns>Whether a new page was started.</returns>
        public bool Ensure(double height)
        {
            if (Y + height <= _page.Height.Point - Margin)
                return false;
            Graphics.Dispose();
            Start();
            return true;
        }

        private void Start()
        {
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _page.Orientation = PdfSharp.PageOrientation.Landscape; // wide tables keep their figures whole
            Graphics = XGraphics.FromPdfPage(_page);
            var y = Margin - 10;
            Graphics.DrawString($"{_report.Title}: {_report.Subject}", _title, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            y += 20;
            Graphics.DrawString($"Period {_report.Period} · generated {_report.GeneratedAt:yyyy-MM-dd HH:mm} UTC", _small, XBrushes.Black,
                Margin, y, XStringFormats.TopLeft);
            y += 12;
            Graphics.DrawString(_report.SourceLine, _small, _report.IsSynthetic ? XBrushes.DarkRed : XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            y += 14;
            Graphics.DrawLine(XPens.Gray, Margin, y, _page.Width.Point - Margin, y);
            Y = Margin - 10 + HeaderHeight;
        }
    }
}
