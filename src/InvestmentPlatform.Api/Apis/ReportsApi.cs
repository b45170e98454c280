using InvestmentPlatform.Analytics;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.Reports;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;
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
        return app;
    }

    private static Task<IResult> CoverageAsync(
        DataCoverageReport report, ReportRenderer renderer, string? symbols, string? format, CancellationToken ct) =>
        RenderAsync(async () =>
        {
            var wanted = ReportFormats.Parse(format);
            var document = await report.BuildAsync(AnalyticsApi.SplitSymbols(symbols), ct);
            return renderer.Render(document, wanted, "data-coverage");
        });

    private static Task<IResult> PortfolioAsync(
        PortfolioReport report, ReportRenderer renderer, Guid id, DateTime? from, DateTime? to, string? benchmark, string? format,
        CancellationToken ct) =>
        RenderAsync(async () =>
        {
            var wanted = ReportFormats.Parse(format);
            var document = await report.BuildAsync(id, from, to, benchmark, ct);
            return renderer.Render(document, wanted, "portfolio-report");
        });

    private static Task<IResult> ComparisonAsync(
        AssetComparisonReport report, ReportRenderer renderer, string? symbols, DateTime? from, DateTime? to, double? riskFree,
        string? format, CancellationToken ct) =>
        RenderAsync(async () =>
        {
            var wanted = ReportFormats.Parse(format);
            var document = await report.BuildAsync(AnalyticsApi.SplitSymbols(symbols), from, to, riskFree, ct);
            return renderer.Render(document, wanted, "asset-comparison");
        });

    private static async Task<IResult> RenderAsync(Func<Task<ReportFile>> render)
    {
        try
        {
            var file = await render();
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }
}
