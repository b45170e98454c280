using System.Globalization;
using InvestmentPlatform.Contracts.Reports;
using MimeKit;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>A finished report as an email: what it is, whether it succeeded, the file attached when given.</summary>
public static class ReportEmail
{
    public static MimeMessage Compose(ReportReady m, string? contentType, byte[]? file, string from, string to)
    {
        var failed = m.FileName is null;
        var subject = failed ? $"Report failed: {m.Kind}" : $"Report ready: {m.FileName}";
        var at = m.FinishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var outcome = failed
            ? $"Your {m.Kind} report could not be made: {m.Error}"
            : file is null
                ? $"Your {m.Kind} report {m.FileName} ({m.Size:N0} bytes) is ready: download it from the Reports page or GET /api/reports/{m.ReportId}/file."
                : $"Your {m.Kind} report {m.FileName} ({m.Size:N0} bytes) is attached.";
        var builder = EmailSender.Body([("Report", m.Kind), ("Finished", at), ("Id", m.ReportId.ToString()), ("Outcome", outcome)]);
        if (file is not null && m.FileName is not null)
            builder.Attachments.Add(m.FileName, file, ContentType.Parse(contentType ?? "application/octet-stream"));
        var message = new MimeMessage { Subject = subject, Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        // One id per report, so a receiving system can tell a re-sent copy from a new report.
        message.MessageId = $"{m.ReportId:N}@reports";
        return message;
    }
}
