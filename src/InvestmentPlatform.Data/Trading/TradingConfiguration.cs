using InvestmentPlatform.Data.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Trading;

internal sealed class PaperAccountConfiguration : IEntityTypeConfiguration<PaperAccount>
{
    public void Configure(EntityTypeBuilder<PaperAccount> b)
    {
        b.ToTable("paper_accounts");
        b.HasKey(x => x.PortfolioId);
        b.HasOne<PortfolioAccount>().WithOne().HasForeignKey<PaperAccount>(x => x.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperOrderConfiguration : IEntityTypeConfiguration<PaperOrder>
{
    public void Configure(EntityTypeBuilder<PaperOrder> b)
    {
        b.ToTable("paper_orders");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AccountId, x.ClientOrderId }).IsUnique();
        b.HasIndex(x => new { x.AssetId, x.Status });
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
        b.HasIndex(x => new { x.AccountId, x.SubmittedAt });
        // Orders keep their audit trail: an account with orders cannot be deleted.
        b.HasOne<PaperAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperOrderEventConfiguration : IEntityTypeConfiguration<PaperOrderEvent>
{
    public void Configure(EntityTypeBuilder<PaperOrderEvent> b)
    {
        b.ToTable("paper_order_events");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrderId, x.Sequence }).IsUnique();
        b.HasOne<PaperOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperFillConfiguration : IEntityTypeConfiguration<PaperFill>
{
    public void Configure(EntityTypeBuilder<PaperFill> b)
    {
        b.ToTable("paper_fills");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrderId, x.BarTime }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.BarTime });
        b.HasOne<PaperOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperCorporateActionConfiguration : IEntityTypeConfiguration<PaperCorporateAction>
{
    public void Configure(EntityTypeBuilder<PaperCorporateAction> b)
    {
        b.ToTable("paper_corporate_actions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasIndex(x => new { x.AccountId, x.AssetId, x.ExDate, x.Kind }).IsUnique();
        b.HasOne<PaperAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperReplayConfiguration : IEntityTypeConfiguration<PaperReplay>
{
    public void Configure(EntityTypeBuilder<PaperReplay> b)
    {
        b.ToTable("paper_replays");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasMaxLength(20);
        b.HasIndex(x => new { x.AccountId, x.CreatedAt });
        b.HasIndex(x => new { x.OwnerId, x.Status });
        b.HasOne<PaperAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
