using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Alerts;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> b)
    {
        b.ToTable("alert_rules");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OwnerId);
        // The SeriesUpdated consumer looks up exactly these: enabled rules of one series.
        b.HasIndex(x => new { x.AssetId, x.Interval, x.Enabled });
        b.HasIndex(x => x.JobId);
        // A channel in use is not deleted from under its rules: the API answers 409 first.
        b.HasOne<NotificationChannel>().WithMany().HasForeignKey(x => x.WebhookChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NotificationChannel>().WithMany().HasForeignKey(x => x.EmailChannelId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> b)
    {
        b.ToTable("alert_firings");
        b.HasKey(x => x.Id);
        // Exactly once: a redelivered event or a second worker meets this key and fires nothing.
        b.HasIndex(x => new { x.RuleId, x.TriggerTime }).IsUnique();
        b.HasIndex(x => new { x.OwnerId, x.FiredAt });
        b.HasOne<AlertRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OwnerId, x.ReadAt });
        b.HasIndex(x => x.FiringId).IsUnique();
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.ToTable("alert_deliveries");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.FiringId, x.Channel });
    }
}

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> b)
    {
        b.ToTable("notification_channels");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OwnerId, x.Kind });
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasMaxLength(20);
    }
}
