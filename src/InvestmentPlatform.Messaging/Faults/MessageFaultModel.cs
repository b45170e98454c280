using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Messaging.Faults;

public static class MessageFaultModel
{
    /// <summary>Adds the <c>message_faults</c> table, where the fault ledger keeps messages consumers gave up on.</summary>
    public static ModelBuilder AddMessageFaults(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MessageFault>(b =>
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
        });
        return modelBuilder;
    }
}
