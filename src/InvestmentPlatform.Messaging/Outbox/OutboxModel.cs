using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Messaging.Outbox;

public static class OutboxModel
{
    /// <summary>Adds the <c>outbox</c> table to the model of the context whose saves write outbox rows.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox");
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.MessageId).IsUnique();
            b.HasIndex(x => x.SentAt);
        });
        return modelBuilder;
    }
}
