using InvestmentPlatform.Contracts;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Analytics;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Compute;

/// <summary>Stores long computations as analytics_results rows and queues them on the bus.</summary>
public sealed class AnalyticsJobs(PlatformDbContext db, SeriesReader reader, TimeProvider clock)
{
    /// <returns>The row, and whether its stored result is still valid for the current inputs.</returns>
    public async Task<(AnalyticsResult Result, bool Cached)> SubmitAsync(string kind, AnalyticsParameters parameters, CancellationToken ct)
    {
        if (!AnalyticsKinds.IsKnown(kind))
            throw AnalyticsException.Invalid("kind", "kind must be performance or risk.");
        var p = parameters.Normalize();
        p.Validate();
        // Unknown symbols are reported now (404), not later by the job.
        await reader.ResolveAsync(InputSymbols(p), ct);

        var json = JsonSerializer.Serialize(p, AnalyticsJson.Options);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{json}")));
        var fingerprint = await reader.FingerprintAsync(InputSymbols(p), p.From, p.To, ct);

        var row = await db.AnalyticsResults.SingleOrDefaultAsync(r => r.ParametersHash == hash, ct);
        if (row is not null && (row.Status is WorkStatuses.Queued or WorkStatuses.Running
                                || (row.Status == WorkStatuses.Succeeded && row.InputsFingerprint == fingerprint)))
            return (row, row.Status == WorkStatuses.Succeeded);

        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new AnalyticsResult
            {
                Id = Guid.CreateVersion7(),
                Kind = kind,
                ParametersHash = hash,
                Parameters = json,
                Status = WorkStatuses.Queued,
                CreatedAt = now,
            };
            db.AnalyticsResults.Add(row);
        }
        row.Status = WorkStatuses.Queued;
        row.Result = null;
        row.Error = null;
        row.CompletedAt = null;
        row.InputsFingerprint = null;
        row.CreatedAt = now;
        db.EnqueuePublish(new AnalyticsComputeRequested(row.Id, kind, now), row.Id);
        await db.SaveChangesAsync(ct);
        return (row, false);
    }

    public Task<AnalyticsResult?> FindAsync(Guid id, CancellationToken ct) =>
        db.AnalyticsResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Every series a computation reads: the symbols, the benchmark and the risk-free series.</summary>
    public static IReadOnlyList<string> InputSymbols(AnalyticsParameters p) =>
        p.Symbols.Concat(new[] { p.Benchmark, p.RiskFreeSeries }.OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
}
