using InvestmentPlatform.Contracts.Scheduler;
using System.Security.Claims;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Scheduler.Analytics;
using InvestmentPlatform.Scheduler.Cron;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Runs;
using InvestmentPlatform.Scheduler.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class SchedulerApi
{
    public static IEndpointRouteBuilder MapSchedulerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduler").WithTags("Scheduler").AddEndpointFilter<JobOwnerFilter>();

        api.MapGet("/jobs", async (bool? enabled, string? tag, string? q, int? page, int? pageSize, JobService jobs, CancellationToken ct) =>
        {
            var (request, errors) = PageRequest.Parse(page, pageSize);
            if (request is null)
                return (IResult)ApiProblems.BadRequest(errors!);
            var (items, total) = await jobs.ListAsync(new JobQuery(enabled, tag, q, request.Skip, request.PageSize), ct);
            return TypedResults.Ok(PagedResult<JobDto>.Create(items, request, total));
        })
            .Produces<PagedResult<JobDto>>();
        api.MapPost("/jobs", async (JobRequest body, JobService jobs, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await jobs.CreateAsync(body, user.UserIdOf(), ct), dto => TypedResults.Created($"/api/scheduler/jobs/{dto.Id}", dto)))
            .Produces<JobDto>(StatusCodes.Status201Created);
        api.MapGet("/jobs/{id:guid}", async (Guid id, JobService jobs, CancellationToken ct) =>
            await jobs.GetAsync(id, ct) is { } dto ? (IResult)TypedResults.Ok(dto) : ApiProblems.NotFound($"Job {id} does not exist."))
            .Produces<JobDto>();
        api.MapPut("/jobs/{id:guid}", async (Guid id, JobRequest body, JobService jobs, CancellationToken ct) =>
            Answer(await jobs.UpdateAsync(id, body, ct), TypedResults.Ok))
            .Produces<JobDto>();
        api.MapDelete("/jobs/{id:guid}", async (Guid id, JobService jobs, CancellationToken ct) =>
            await jobs.DeleteAsync(id, ct) is { } problem ? Answer<object>(problem, _ => TypedResults.NoContent()) : TypedResults.NoContent());
        api.MapPost("/jobs/{id:guid}/pause", async (Guid id, JobService jobs, CancellationToken ct) =>
            await jobs.SetEnabledAsync(id, false, ct) is { } dto ? (IResult)TypedResults.Ok(dto) : ApiProblems.NotFound($"Job {id} does not exist."))
            .Produces<JobDto>();
        api.MapPost("/jobs/{id:guid}/resume", async (Guid id, JobService jobs, CancellationToken ct) =>
            await jobs.SetEnabledAsync(id, true, ct) is { } dto ? (IResult)TypedResults.Ok(dto) : ApiProblems.NotFound($"Job {id} does not exist."))
            .Produces<JobDto>();
        api.MapPost("/jobs/{id:guid}/trigger", async (Guid id, RunStarter runs, TimeProvider clock, CancellationToken ct) =>
        {
            var runId = Guid.CreateVersion7();
            var run = await runs.StartAsync(id, RunTriggers.Manual, runId, null, clock.GetUtcNow().UtcDateTime, ct);
            return run is null ? (IResult)ApiProblems.NotFound($"Job {id} does not exist.") : TypedResults.Accepted($"/api/scheduler/runs?jobId={id}", new { runId });
        });

        api.MapGet("/runs", async (Guid? jobId, string? status, DateTime? from, DateTime? to, int? page, int? pageSize, RunQueries runs, CancellationToken ct) =>
        {
            var (request, errors) = PageRequest.Parse(page, pageSize);
            if (request is null)
                return (IResult)ApiProblems.BadRequest(errors!);
            if (status is not null && !RunStatuses.All.Contains(status))
                return ApiProblems.BadRequest("status", $"status '{status}' is not known: use {string.Join(", ", RunStatuses.All)}.");
            var (items, total) = await runs.ListAsync(new RunQuery(jobId, status, ToUtc(from), ToUtc(to), request.Skip, request.PageSize), ct);
            return TypedResults.Ok(PagedResult<RunDto>.Create(items, request, total));
        })
            .Produces<PagedResult<RunDto>>();

        api.MapPost("/runs/{id:guid}/cancel", async (Guid id, RunOutcomes runs, CancellationToken ct) =>
            await runs.CancelAsync(id, ct) switch
            {
                CancelOutcome.NotFound => (IResult)ApiProblems.NotFound($"Run {id} does not exist."),
                CancelOutcome.AlreadyFinished => ApiProblems.Conflict($"Run {id} has already finished."),
                _ => TypedResults.Accepted($"/api/scheduler/runs", new { runId = id, status = RunStatuses.Cancelled }),
            });

        api.MapGet("/graph", async (JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.GraphAsync(ct)));

        api.MapGet("/templates", async (int? page, int? pageSize, TemplateService templates, CancellationToken ct) =>
        {
            var (request, errors) = PageRequest.Parse(page, pageSize);
            if (request is null)
                return (IResult)ApiProblems.BadRequest(errors!);
            var (items, total) = await templates.ListAsync(request.Skip, request.PageSize, ct);
            return TypedResults.Ok(PagedResult<TemplateDto>.Create(items, request, total));
        })
            .Produces<PagedResult<TemplateDto>>();
        api.MapPost("/templates", async (TemplateRequest body, TemplateService templates, CancellationToken ct) =>
            Answer(await templates.CreateAsync(body, ct), dto => TypedResults.Created($"/api/scheduler/templates/{dto.Id}", dto)))
            .Produces<TemplateDto>(StatusCodes.Status201Created);
        api.MapGet("/templates/{id:guid}", async (Guid id, TemplateService templates, CancellationToken ct) =>
            await templates.GetAsync(id, ct) is { } dto ? (IResult)TypedResults.Ok(dto) : ApiProblems.NotFound($"Template {id} does not exist."))
            .Produces<TemplateDto>();
        api.MapPut("/templates/{id:guid}", async (Guid id, TemplateRequest body, TemplateService templates, CancellationToken ct) =>
            Answer(await templates.UpdateAsync(id, body, ct), TypedResults.Ok))
            .Produces<TemplateDto>();
        api.MapDelete("/templates/{id:guid}", async (Guid id, TemplateService templates, CancellationToken ct) =>
            await templates.DeleteAsync(id, ct) ? (IResult)TypedResults.NoContent() : ApiProblems.NotFound($"Template {id} does not exist."));
        api.MapPost("/templates/{id:guid}/jobs", async (Guid id, JobRequest body, TemplateService templates, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await templates.CreateJobAsync(id, body, user.UserIdOf(), ct), dto => TypedResults.Created($"/api/scheduler/jobs/{dto.Id}", dto)))
            .Produces<JobDto>(StatusCodes.Status201Created);

        api.MapGet("/limits", (JobValidator validator) => TypedResults.Ok(validator.Limits))
            .WithName("GetJobLimits").WithSummary("The bounds a job is checked against, so forms check the same numbers");

        api.MapGet("/cron/next", (string? expr, string? tz, int? count, TimeProvider clock) =>
            Answer(CronPreview.Preview(expr, tz, count, clock.GetUtcNow()), TypedResults.Ok))
            .Produces<CronPreviewDto>();

        api.MapGet("/analytics", async (Guid? jobId, DateTime? from, DateTime? to, RunAnalyticsService analytics, CancellationToken ct) =>
            Answer(await analytics.ComputeAsync(jobId, ToUtc(from), ToUtc(to), ct), TypedResults.Ok))
            .Produces<RunAnalyticsDto>();
        return app;
    }

    private static IResult Answer<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Problem switch
    {
        null => ok(outcome.Value!),
        { Kind: ProblemKind.Invalid } p => ApiProblems.BadRequest(p.Field ?? "body", p.Message),
        { Kind: ProblemKind.Unprocessable } p => ApiProblems.Unprocessable(p.Field ?? "body", p.Message),
        { Kind: ProblemKind.NotFound } p => ApiProblems.NotFound(p.Message),
        { Kind: ProblemKind.Stale } p => ApiProblems.Stale(p.Message),
        { } p => ApiProblems.Conflict(p.Message),
    };

    private static DateTime? ToUtc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.Value, DateTimeKind.Utc),
    };
}
