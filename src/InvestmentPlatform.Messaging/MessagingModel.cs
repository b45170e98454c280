using InvestmentPlatform.Messaging.Faults;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Messaging;

/// <summary>The tables Messaging owns, added to the model of the context whose saves write them.</summary>
public static class MessagingModel
{
    /// <summary>The <c>outbox</c> table: messages written with the state they announce, until the relay publishes them.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OutboxConfiguration());

    /// <summary>The <c>message_faults</c> table, where the fault ledger keeps messages consumers gave up on.</summary>
    public static ModelBuilder AddMessageFaults(this ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new MessageFaultConfiguration());
}
