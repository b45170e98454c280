using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Messaging.Faults;

internal sealed class MessageFaultConfiguration : IEntityTypeConfiguration<MessageFault>
{
    public void Configure(EntityTypeBuilder<MessageFault> b)
    {
        b.ToTable("message_faults");
        b.HasKey(x => x.Id);
        b.Property(x => x.MessageType).HasMaxLength(500);
        b.Property(x => x.Queue).HasMaxLength(300);
        b.Property(x => x.ErrorClass).HasMaxLength(20);
        b.Property(x => x.ExceptionType).HasMaxLength(300);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => x.RedriveAt);
        b.HasIndex(x => x.FaultedAt);
    }
}
