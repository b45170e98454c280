using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Requests;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Reports;

public sealed record ReportDto(Guid Id, string Kind, string Format, string Status, string? Error, string? FileName, long? Size,
    ReportInput Parameters, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>
/// Reports asked for on the bus: a report_requests row and its ReportRequested message in one transaction, built later by
/// <see cref="ReportRequestedConsumer"/>. A user sees only their own reports; another user's is 404.
/// </summary>
public sealed class ReportJobs(PlatformDbContext db, ReportRequestWriter writer)
{
    /// <exception cref="AnalyticsException">What makes the request invalid, before anything is stored.</exception>
    public async Task<ReportDto> SubmitAsync(ReportInput input, string owner, bool admin, CancellationToken ct)
    {
        var row = await writer.AddAsync(input, owner, admin, null, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<(IReadOnlyList<ReportDto> Items, int Total)> ListAsync(string owner, int skip, int take, CancellationToken ct)
    {
        var mine = db.ReportRequests.AsNoTracking().Where(r => r.OwnerId == owner);
        var rows = await mine.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(ToDto).ToList(), await mine.CountAsync(ct));
    }

    public async Task<ReportDto> GetAsync(Guid id, string owner, CancellationToken ct) => ToDto(await FindAsync(id, owner, ct));

    /// <summary>The built file; 409 while it is being built, 422 when it failed.</summary>
    public async Task<ReportFile> FileAsync(Guid id, string owner, CancellationToken ct)
    {
        var row = await FindAsync(id, owner, ct);
        if (row.Status == WorkStatuses.Failed)
            throw AnalyticsException.Unprocessable("id", $"The report failed: {row.Error}");
        var content = row.Status == WorkStatuses.Succeeded
            ? await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == id).Select(f => f.Content).FirstOrDefaultAsync(ct)
            : null;
        return content is null
            ? throw AnalyticsException.Conflict("id", $"The report is {row.Status}: its file is not ready yet.")
            : new ReportFile(content, row.ContentType!, row.FileName!);
    }

    public async Task DeleteAsync(Guid id, string owner, CancellationToken ct)
    {
        var row = await FindAsync(id, owner, ct);
        if (row.Status is WorkStatuses.Queued or WorkStatuses.Running)
            throw AnalyticsException.Conflict("id", $"The report is {row.Status}: delete it once it has finished.");
        await db.ReportRequests.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
    }

    private async Task<ReportRequest> FindAsync(Guid id, string owner, CancellationToken ct) =>
        await db.ReportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct)
        ?? throw AnalyticsException.NotFound("id", $"Report {id} does not exist.");

    internal static ReportDto ToDto(ReportRequest r) => new(r.Id, r.Kind, r.Format, r.Status, r.Error, r.FileName, r.Size,
        JsonSerializer.Deserialize<ReportInput>(r.Parameters, ReportRequestWriter.Json)!, r.CreatedAt, r.CompletedAt);
}
