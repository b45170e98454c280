using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Scheduler;

internal sealed class SchedulerJobConfiguration : IEntityTypeConfiguration<SchedulerJob>
{
    public void Configure(EntityTypeBuilder<SchedulerJob> b)
    {
        b.ToTable("scheduler_jobs");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.OwnerId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Kind).HasMaxLength(20).HasDefaultValue("collection");
        b.HasOne<SchedulerJobTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SchedulerJobDependencyConfiguration : IEntityTypeConfiguration<SchedulerJobDependency>
{
    public void Configure(EntityTypeBuilder<SchedulerJobDependency> b)
    {
        b.ToTable("scheduler_job_dependencies");
        b.HasKey(x => new { x.JobId, x.DependsOnJobId });
        b.HasIndex(x => x.DependsOnJobId);
        b.HasOne<SchedulerJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchedulerJob>().WithMany().HasForeignKey(x => x.DependsOnJobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchedulerJobTemplateConfiguration : IEntityTypeConfiguration<SchedulerJobTemplate>
{
    public void Configure(EntityTypeBuilder<SchedulerJobTemplate> b)
    {
        b.ToTable("scheduler_job_templates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.JobId, x.ScheduledAt });
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.ChainId);
        b.HasIndex(x => x.RequestId);
        b.HasIndex(x => x.ReportId);
        b.HasOne<SchedulerJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
