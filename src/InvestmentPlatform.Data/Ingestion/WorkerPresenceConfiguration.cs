using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Ingestion;

internal sealed class WorkerPresenceConfiguration : IEntityTypeConfiguration<WorkerPresence>
{
    public void Configure(EntityTypeBuilder<WorkerPresence> b)
    {
        b.ToTable("worker_presence");
        b.HasKey(x => x.Id);
        b.Property(x => x.Machine).HasMaxLength(200);
        b.HasIndex(x => x.SeenAt);
    }
}
