using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Ingestion;

internal sealed class IngestionRequestConfiguration : IEntityTypeConfiguration<IngestionRequest>
{
    public void Configure(EntityTypeBuilder<IngestionRequest> b)
    {
        b.ToTable("ingestion_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.RunId);
        b.HasIndex(x => new { x.Source, x.CreatedAt });
    }
}

internal sealed class IngestionChunkConfiguration : IEntityTypeConfiguration<IngestionChunk>
{
    public void Configure(EntityTypeBuilder<IngestionChunk> b)
    {
        b.ToTable("ingestion_chunks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RequestId, x.Symbol });
        b.HasIndex(x => x.Status);
        b.HasOne<IngestionRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataCollectionLogConfiguration : IEntityTypeConfiguration<DataCollectionLog>
{
    public void Configure(EntityTypeBuilder<DataCollectionLog> b)
    {
        b.ToTable("data_collection_log");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RequestId, x.Symbol }).IsUnique();
        b.HasIndex(x => x.AssetId);
        b.HasIndex(x => x.StartedAt);
    }
}

internal sealed class KeptUploadConfiguration : IEntityTypeConfiguration<KeptUpload>
{
    public void Configure(EntityTypeBuilder<KeptUpload> b)
    {
        b.ToTable("kept_uploads");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasIndex(x => x.OwnerId);
    }
}

internal sealed class IngestionRejectionConfiguration : IEntityTypeConfiguration<IngestionRejection>
{
    public void Configure(EntityTypeBuilder<IngestionRejection> b)
    {
        b.ToTable("ingestion_rejections");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ChunkId, x.Ordinal }).IsUnique();
        b.HasIndex(x => new { x.RequestId, x.RecordedAt });
        b.HasIndex(x => new { x.AssetId, x.RecordedAt });
        b.HasOne<IngestionChunk>().WithMany().HasForeignKey(x => x.ChunkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assets.Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Symbol).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.Interval).HasMaxLength(8);
        b.Property(x => x.Reason).HasMaxLength(IngestionRejection.MaxReasonLength);
        b.Property(x => x.Raw).HasMaxLength(IngestionRejection.MaxRawLength);
    }
}
