using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Reports;

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> b)
    {
        b.ToTable("report_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Format).HasMaxLength(10);
        b.Property(x => x.Status).HasMaxLength(20);
        b.HasIndex(x => new { x.OwnerId, x.CreatedAt });
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.RunId);
    }
}

internal sealed class ReportFileContentConfiguration : IEntityTypeConfiguration<ReportFileContent>
{
    public void Configure(EntityTypeBuilder<ReportFileContent> b)
    {
        b.ToTable("report_files");
        b.HasKey(x => x.ReportId);
        b.HasOne<ReportRequest>().WithOne().HasForeignKey<ReportFileContent>(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
