using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Analytics;

internal sealed class AnalyticsResultConfiguration : IEntityTypeConfiguration<AnalyticsResult>
{
    public void Configure(EntityTypeBuilder<AnalyticsResult> b)
    {
        b.ToTable("analytics_results");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ParametersHash).IsUnique();
    }
}
