using InvestmentPlatform.Analytics;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Reports.Documents;

public static class ReportFormats
{
    public const string Pdf = "pdf";
    public const string Xlsx = "xlsx";
    public static readonly IReadOnlyList<string> All = [Pdf, Xlsx];

    /// <summary>The format named, or the 400 <see cref="AnalyticsException"/> naming the ones there are.</summary>
    public static string Parse(string? format)
    {
        var wanted = string.IsNullOrWhiteSpace(format) ? Pdf : format.Trim().ToLowerInvariant();
        return All.Contains(wanted) ? wanted
            : throw AnalyticsException.Invalid("format", $"format '{format}' is not known: use {string.Join(" or ", All)}.");
    }

    public static string ContentType(string format) => format == Xlsx ? ExcelReportWriter.ContentType : PdfReportWriter.ContentType;
}

/// <summary>A rendered report: the whole file, made before anything is answered, so a failure leaves no partial file.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

public sealed class ReportRenderer(IOptions<ReportsOptions> options)
{
    public ReportFile Render(ReportDocument report, string format, string name)
    {
        using var buffer = new MemoryStream();
        if (format == ReportFormats.Xlsx)
            ExcelReportWriter.Write(report, buffer);
        else
            PdfReportWriter.Write(report, buffer, options.Value.FontDirectory);
        return new ReportFile(buffer.ToArray(), ReportFormats.ContentType(format), $"{name}-{report.To:yyyy-MM-dd}.{format}");
    }
}
