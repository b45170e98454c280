namespace InvestmentPlatform.Reports.Requests;

/// <summary>
/// The body of POST /api/reports, and what a stored request keeps as its parameters. Each kind reads its own fields
/// (docs/api/reports.md): portfolio (portfolioId, from, to, benchmark), comparison (symbols, from, to, riskFree),
/// coverage (symbols, or all assets) and scheduler (jobId, or all jobs; from, to). Any kind may name the owner's
/// email and webhook channels, which the finished report is sent to.
/// </summary>
public sealed record ReportInput(
    string? Kind,
    string? Format = null,
    Guid? PortfolioId = null,
    IReadOnlyList<string>? Symbols = null,
    DateTime? From = null,
    DateTime? To = null,
    string? Benchmark = null,
    double? RiskFree = null,
    Guid? JobId = null,
    Guid? EmailChannelId = null,
    Guid? WebhookChannelId = null);

public static class ReportKinds
{
    public const string Portfolio = "portfolio";
    public const string Comparison = "comparison";
    public const string Coverage = "coverage";
    public const string Scheduler = "scheduler";
    public static readonly IReadOnlyList<string> All = [Portfolio, Comparison, Coverage, Scheduler];
}
