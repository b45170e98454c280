using InvestmentPlatform.Contracts;
using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Api.Reports;

public sealed class ReportRetentionOptions
{
    public const string Section = "Reports";

    /// <summary>Days a finished report (its row and file) is kept after it was asked for.</summary>
    public int KeepDays { get; set; } = 30;
}

/// <summary>Deletes finished reports older than <see cref="ReportRetentionOptions.KeepDays"/>, once an hour.</summary>
public sealed class ReportRetention(IServiceScopeFactory scopes, IOptions<ReportRetentionOptions> options, TimeProvider clock, OutageLog outage,
    ILogger<ReportRetention> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        outage.RepeatAsync("Report retention", SweepAsync, TimeSpan.FromHours(1), clock, logger, stoppingToken);

    /// <returns>How many reports were deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepDays);
        // Files go with their rows (cascade).
        var deleted = await db.ReportRequests
            .Where(r => r.CreatedAt < before && (r.Status == WorkStatuses.Succeeded || r.Status == WorkStatuses.Failed))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} reports older than {Days} days", deleted, options.Value.KeepDays);
        return deleted;
    }
}
