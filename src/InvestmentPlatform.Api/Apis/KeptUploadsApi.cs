using System.Security.Claims;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

/// <summary>
/// CSV files kept for scheduled jobs (/api/ingestion/uploads): a CSV job names one as its option "upload" and imports
/// it on every run. Each belongs to the user who sent it; another user's upload is not found.
/// </summary>
public static class KeptUploadsApi
{
    public sealed record KeptUploadDto(Guid Id, string? FileName, long Bytes, DateTime CreatedAt)
    {
        /// <summary>The value of a CSV job's option "upload".</summary>
        public string Upload => Id.ToString("N");
    }

    public static IEndpointRouteBuilder MapKeptUploadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ingestion/uploads").WithTags("Ingestion");
        group.MapPost("", UploadAsync).WithName("KeepCsvUpload")
            .Accepts<string>("text/csv", "multipart/form-data")
            .WithDescription("Keeps a CSV file for scheduled jobs: a text/csv body, or a multipart/form-data body whose file part holds it. " +
                             "A CSV job names it by the answer's 'upload' in its options.");
        group.MapGet("", ListAsync).WithName("ListKeptUploads");
        group.MapDelete("{id:guid}", DeleteAsync).WithName("DeleteKeptUpload");
        return app;
    }

    private static async Task<Results<Created<KeptUploadDto>, ProblemHttpResult>> UploadAsync(
        HttpRequest http, CsvUploads uploads, ImportFiles files, PlatformDbContext db, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct, string? name = null)
    {
        var body = await CsvUploadApi.OpenBodyAsync(http, files.Options.MaxFileBytes, ct);
        if (body.Problem is { } unsupported)
            return unsupported;
        var upload = await uploads.SaveAsync(body.Stream!, ct);
        if (upload.Id is not { } id)
            return CsvUploadApi.Refused(upload);
        var row = new KeptUpload
        {
            Id = id, OwnerId = user.UserIdOf(), FileName = (name ?? body.FileName) is { Length: > 0 } given ? CsvUploadApi.Shorten(given) : null,
            Bytes = new FileInfo(files.UploadPath(id)).Length, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.KeptUploads.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            uploads.Delete(id);
            throw;
        }
        return TypedResults.Created($"/api/ingestion/uploads/{id}", ToDto(row));
    }

    private static async Task<Ok<List<KeptUploadDto>>> ListAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var owner = user.UserIdOf();
        var rows = await db.KeptUploads.AsNoTracking().Where(u => u.OwnerId == owner).OrderByDescending(u => u.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    /// <summary>Removes the file; refused while a job still imports it.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, PlatformDbContext db, CsvUploads uploads, ClaimsPrincipal user, CancellationToken ct)
    {
        var owner = user.UserIdOf();
        var row = await db.KeptUploads.FirstOrDefaultAsync(u => u.Id == id && (u.OwnerId == owner || user.IsAdmin()), ct);
        if (row is null)
            return ApiProblems.NotFound($"Upload {id} does not exist.");
        var named = id.ToString("N");
        var jobs = await db.SchedulerJobs.AsNoTracking().Where(j => j.Options != null && j.Options.Contains(named)).Select(j => j.Name).ToListAsync(ct);
        if (jobs.Count > 0)
            return ApiProblems.Conflict($"Upload {id} is imported by {string.Join(", ", jobs.Select(n => $"'{n}'"))}; change those jobs first.");
        db.KeptUploads.Remove(row);
        await db.SaveChangesAsync(ct);
        uploads.Delete(id);
        return TypedResults.NoContent();
    }

    private static KeptUploadDto ToDto(KeptUpload u) => new(u.Id, u.FileName, u.Bytes, u.CreatedAt);
}
