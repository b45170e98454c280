using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

/// <summary>Messages a consumer gave up on: listed with their reason, re-driven to their queue or discarded by an admin.</summary>
public static class IngestionErrorsApi
{
    public static IEndpointRouteBuilder MapIngestionErrorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ingestion/errors").WithTags("Ingestion").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("", ListAsync).WithName("ListMessageFaults");
        group.MapPost("{id:guid}/redrive", RedriveAsync).WithName("RedriveMessageFault");
        group.MapDelete("{id:guid}", DiscardAsync).WithName("DiscardMessageFault");
        return app;
    }

    /// <param name="RedriveAt">When the platform sends it back on its own; null when it waits for an admin.</param>
    public sealed record MessageFaultView(
        Guid Id, Guid? MessageId, string MessageType, string Queue, string ErrorClass, string ExceptionType, string Reason,
        DateTime FaultedAt, int Redrives, DateTime? RedriveAt);

    /// <summary>Newest first; errorClass filters to transient or permanent.</summary>
    private static async Task<Results<Ok<PagedResult<MessageFaultView>>, ProblemHttpResult>> ListAsync(
        PlatformDbContext db, CancellationToken ct, string? errorClass = null, int? page = null, int? pageSize = null)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        if (paging is null)
            return ApiProblems.BadRequest(errors!);
        if (errorClass is not null and not (MessageFaultClasses.Transient or MessageFaultClasses.Permanent))
            return ApiProblems.BadRequest("errorClass",
                $"Unknown class '{errorClass}'. Known: {MessageFaultClasses.Transient}, {MessageFaultClasses.Permanent}.");

        var query = db.MessageFaults.AsNoTracking();
        if (errorClass is not null)
            query = query.Where(f => f.ErrorClass == errorClass);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(f => f.FaultedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(PagedResult<MessageFaultView>.Create(rows.Select(f => new MessageFaultView(
            f.Id, f.MessageId, f.MessageType, f.Queue, f.ErrorClass, f.ExceptionType, f.Reason, f.FaultedAt, f.Redrives,
            f.RedriveAt)).ToList(), paging, total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RedriveAsync(Guid id, FaultRedrive redrive, CancellationToken ct) =>
        await redrive.RedriveAsync(id, ct) switch
        {
            RedriveOutcome.Sent => TypedResults.NoContent(),
            RedriveOutcome.UnknownType => ApiProblems.Conflict($"Message {id} is of a type this platform no longer knows; discard it."),
            _ => ApiProblems.NotFound($"No faulted message {id}."),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(Guid id, FaultRedrive redrive, CancellationToken ct) =>
        await redrive.DiscardAsync(id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound($"No faulted message {id}.");
}
