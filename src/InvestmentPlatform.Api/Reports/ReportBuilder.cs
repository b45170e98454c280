using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;

namespace InvestmentPlatform.Api.Reports;

/// <summary>
/// Builds a report of any kind into its file: the one path shared by the on-demand endpoints and the report consumer,
/// so a report asked for either way is the same file.
/// </summary>
public sealed class ReportBuilder(
    PortfolioReport portfolio,
    AssetComparisonReport comparison,
    DataCoverageReport coverage,
    SchedulerReport scheduler,
    ReportRenderer renderer)
{
    /// <exception cref="AnalyticsException">Bad parameters (400), an unknown portfolio, symbol or job (404), nothing to report (422).</exception>
    public async Task<ReportFile> BuildAsync(ReportInput input, CancellationToken ct)
    {
        var format = ReportFormats.Parse(input.Format);
        var symbols = input.Symbols ?? [];
        var (document, name) = input.Kind switch
        {
            ReportKinds.Portfolio => (await portfolio.BuildAsync(
                input.PortfolioId ?? throw AnalyticsException.Invalid("portfolioId", "portfolioId is required."), input.From, input.To, input.Benchmark, ct),
                "portfolio-report"),
            ReportKinds.Comparison => (await comparison.BuildAsync(symbols, input.From, input.To, input.RiskFree, ct), "asset-comparison"),
            ReportKinds.Coverage => (await coverage.BuildAsync(symbols, ct), "data-coverage"),
            ReportKinds.Scheduler => (await scheduler.BuildAsync(input.JobId, input.From, input.To, ct), "scheduler-report"),
            _ => throw AnalyticsException.Invalid("kind", $"kind '{input.Kind}' is not known: use {string.Join(", ", ReportKinds.All)}."),
        };
        return renderer.Render(document, format, name);
    }
}
