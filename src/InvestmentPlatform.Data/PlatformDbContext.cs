using InvestmentPlatform.Data.Access;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Data.Analytics;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Data.Quality;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Messaging.Faults;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Data.Trading;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data;

/// <summary>The platform's one model. Each provider has a derived context that owns its migrations.</summary>
public abstract class PlatformDbContext(DbContextOptions options)
    : IdentityDbContext<PlatformUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<MarketBar> MarketData => Set<MarketBar>();
    public DbSet<ForexRate> ForexRates => Set<ForexRate>();
    public DbSet<BondRate> BondRates => Set<BondRate>();
    public DbSet<EconomicObservation> EconomicData => Set<EconomicObservation>();
    public DbSet<SeriesVintageRow> SeriesVintages => Set<SeriesVintageRow>();
    public DbSet<IngestionRequest> IngestionRequests => Set<IngestionRequest>();
    public DbSet<IngestionChunk> IngestionChunks => Set<IngestionChunk>();
    public DbSet<DataCollectionLog> DataCollectionLog => Set<DataCollectionLog>();
    public DbSet<KeptUpload> KeptUploads => Set<KeptUpload>();
    public DbSet<IngestionRejection> IngestionRejections => Set<IngestionRejection>();
    public DbSet<SchedulerJob> SchedulerJobs => Set<SchedulerJob>();
    public DbSet<SchedulerJobDependency> SchedulerJobDependencies => Set<SchedulerJobDependency>();
    public DbSet<SchedulerJobTemplate> SchedulerJobTemplates => Set<SchedulerJobTemplate>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<PortfolioAccount> Portfolios => Set<PortfolioAccount>();
    public DbSet<PortfolioTransaction> PortfolioTransactions => Set<PortfolioTransaction>();
    public DbSet<AnalyticsResult> AnalyticsResults => Set<AnalyticsResult>();
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();
    public DbSet<ReportFileContent> ReportFiles => Set<ReportFileContent>();
    public DbSet<PaperAccount> PaperAccounts => Set<PaperAccount>();
    public DbSet<PaperOrder> PaperOrders => Set<PaperOrder>();
    public DbSet<PaperOrderEvent> PaperOrderEvents => Set<PaperOrderEvent>();
    public DbSet<PaperFill> PaperFills => Set<PaperFill>();
    public DbSet<PaperCorporateAction> PaperCorporateActions => Set<PaperCorporateAction>();
    public DbSet<PaperReplay> PaperReplays => Set<PaperReplay>();
    public DbSet<QualityFinding> QualityFindings => Set<QualityFinding>();
    public DbSet<SeriesQuality> SeriesQuality => Set<SeriesQuality>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MessageFault> MessageFaults => Set<MessageFault>();
    public DbSet<WorkerPresence> WorkerPresence => Set<WorkerPresence>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<AlertFiring> AlertFirings => Set<AlertFiring>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();
    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();

    public abstract DatabaseProvider Provider { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        IdentityTables.Rename(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        modelBuilder.AddSeriesTables();
        // Messaging owns these tables; the platform's context holds them so that state and message commit together.
        modelBuilder.AddOutbox();
        modelBuilder.AddMessageFaults();
        if (Provider == DatabaseProvider.Postgres)
        {
            foreach (var json in new[] { (typeof(Asset), nameof(Asset.Metadata)), (typeof(AnalyticsResult), nameof(AnalyticsResult.Result)) })
                modelBuilder.Entity(json.Item1).Property(json.Item2).HasColumnType("jsonb");
        }
    }
}
