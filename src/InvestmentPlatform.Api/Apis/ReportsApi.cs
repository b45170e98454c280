using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.Reports;
using InvestmentPlatform.Reports.Documents;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

/// <summary>Reports made on demand: the whole file is rendered before the answer starts, so a failure is a ProblemDetails, never half a file.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portfolios/{id:guid}/report", PortfolioAsync).WithTags("Reports").AddEndpointFilter<PortfolioOwnerFilter>()
            .WithSummary("The portfolio report (holdings, TWR and MWR, monthly returns, equity and drawdown charts, risk, transactions) as PDF or Excel")
            .Produces(StatusCodes.Status200OK, null, PdfReportWriter.ContentType, ExcelReportWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/reports/comparison", ComparisonAsync).WithTags("Reports")
            .WithSummary("The asset comparison (returns over standard windows, volatility, Sharpe, drawdown, correlation, normalised prices) as PDF or Excel")
            .Produces(StatusCodes.Status200OK, null, PdfReportWriter.ContentType, ExcelReportWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/reports/coverage", CoverageAsync).WithTags("Reports")
            .WithSummary("The data coverage report (per asset and interval: first and last bar, gaps, last collection and its status) as PDF or Excel")
            .Produces(StatusCodes.Status200OK, null, PdfReportWriter.ContentType, ExcelReportWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/reports/scheduler", SchedulerAsync).WithTags("Reports")
            .WithSummary("The scheduler report (per job: runs, success rate, duration percentiles, rows; every failure with its reason) as PDF or Excel")
            .Produces(StatusCodes.Status200OK, null, PdfReportWriter.ContentType, ExcelReportWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // Reports built on the bus: a viewer may ask for, read and delete their own.
        var jobs = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(AccessPolicies.Read);
        jobs.MapPost("/", SubmitAsync).WithSummary("Asks for a report to be built on the bus; 202 with its Location")
            .Produces<ReportDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapGet("/", ListAsync).WithSummary("Your reports, newest first").Produces<PagedResult<ReportDto>>();
        jobs.MapGet("/{id:guid}", GetAsync).WithSummary("One of your reports and how far it got")
            .Produces<ReportDto>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{id:guid}/file", FileAsync).WithSummary("The built file; 409 while it is being built, 422 when it failed")
            .Produces(StatusCodes.Status200OK, null, PdfReportWriter.ContentType, ExcelReportWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jobs.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Deletes a finished report and its file")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Task<IResult> CoverageAsync(ReportBuilder builder, string? symbols, string? format, CancellationToken ct) =>
        RenderAsync(() => builder.BuildAsync(new ReportInput(ReportKinds.Coverage, format, Symbols: AnalyticsApi.SplitSymbols(symbols)), ct));

    private static Task<IResult> PortfolioAsync(
        ReportBuilder builder, Guid id, DateTime? from, DateTime? to, string? benchmark, string? format, CancellationToken ct) =>
        RenderAsync(() => builder.BuildAsync(new ReportInput(ReportKinds.Portfolio, format, id, From: from, To: to, Benchmark: benchmark), ct));

    private static Task<IResult> ComparisonAsync(
        ReportBuilder builder, string? symbols, DateTime? from, DateTime? to, double? riskFree, string? format, CancellationToken ct) =>
        RenderAsync(() => builder.BuildAsync(
            new ReportInput(ReportKinds.Comparison, format, Symbols: AnalyticsApi.SplitSymbols(symbols), From: from, To: to, RiskFree: riskFree), ct));

    private static Task<IResult> SchedulerAsync(
        ReportBuilder builder, Guid? jobId, DateTime? from, DateTime? to, string? format, CancellationToken ct) =>
        RenderAsync(() => builder.BuildAsync(new ReportInput(ReportKinds.Scheduler, format, From: from, To: to, JobId: jobId), ct));

    private static async Task<IResult> SubmitAsync(ReportJobs jobs, ReportInput body, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(async () =>
        {
            var report = await jobs.SubmitAsync(body, user.UserIdOf()!, user.IsAdmin(), ct);
            return TypedResults.Accepted($"/api/reports/{report.Id}", report);
        });

    private static async Task<IResult> ListAsync(ReportJobs jobs, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var (items, total) = await jobs.ListAsync(user.UserIdOf()!, request.Skip, request.PageSize, ct);
        return TypedResults.Ok(PagedResult<ReportDto>.Create(items, request, total));
    }

    private static Task<IResult> GetAsync(ReportJobs jobs, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        AnswerAsync(async () => TypedResults.Ok(await jobs.GetAsync(id, user.UserIdOf()!, ct)));

    private static Task<IResult> FileAsync(ReportJobs jobs, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        RenderAsync(() => jobs.FileAsync(id, user.UserIdOf()!, ct));

    private static Task<IResult> DeleteAsync(ReportJobs jobs, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            await jobs.DeleteAsync(id, user.UserIdOf()!, ct);
            return TypedResults.NoContent();
        });

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<IResult> RenderAsync(Func<Task<ReportFile>> render) =>
        AnswerAsync(async () =>
        {
            var file = await render();
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
}
