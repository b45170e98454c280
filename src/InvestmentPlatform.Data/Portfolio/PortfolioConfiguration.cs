using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Portfolio;

internal sealed class PortfolioAccountConfiguration : IEntityTypeConfiguration<PortfolioAccount>
{
    public void Configure(EntityTypeBuilder<PortfolioAccount> b)
    {
        b.ToTable("portfolios");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.OwnerId);
    }
}

internal sealed class PortfolioTransactionConfiguration : IEntityTypeConfiguration<PortfolioTransaction>
{
    public void Configure(EntityTypeBuilder<PortfolioTransaction> b)
    {
        b.ToTable("portfolio_transactions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PortfolioId, x.Time });
        b.HasOne<PortfolioAccount>().WithMany().HasForeignKey(x => x.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
