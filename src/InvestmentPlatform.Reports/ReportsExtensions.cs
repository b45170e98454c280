using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Reports;

public sealed class ReportsOptions
{
    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are (Debian's fonts-dejavu-core by default).</summary>
    public string FontDirectory { get; set; } = ReportFonts.DefaultDirectory;
}

public static class ReportsExtensions
{
    /// <summary>Registers the Reports module's services: the report kinds and the file writers' settings (section "Reports").</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportsOptions>().BindConfiguration("Reports");
        builder.Services.AddScoped<PortfolioReport>();
        builder.Services.AddScoped<Requests.ReportRequestWriter>();
        builder.Services.AddScoped<AssetComparisonReport>();
        builder.Services.AddScoped<ReportRenderer>();
        return builder;
    }
}
