using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Trading.Fills;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Trading.Replay;

/// <summary>
/// Runs a queued replay: loads the bars, splits and dividends of its symbols, works its orders through
/// <see cref="ReplayEngine"/>, publishing progress as it goes, and stores the result with its final ReplayProgress
/// (through the outbox, in the same transaction). A redelivered message for a finished replay changes nothing; one
/// for a replay left running by a stopped worker runs it again from the start, which gives the same result.
/// </summary>
public sealed class ReplayRequestedConsumer(PlatformDbContext db, TradingClock clock, ILogger<ReplayRequestedConsumer> logger)
    : IConsumer<ReplayRequested>
{
    public async Task Consume(ConsumeContext<ReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var row = await db.PaperReplays.SingleOrDefaultAsync(r => r.Id == context.Message.ReplayId, ct);
        if (row is null || row.Status is ReplayStatuses.Succeeded or ReplayStatuses.Failed)
            return;
        var request = ReplayJobs.ReadRequest(row);
        var account = await db.PaperAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.PortfolioId == row.AccountId, ct);
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == row.AccountId, ct);
        try
        {
            if (account is null || portfolio is null)
                throw AnalyticsException.NotFound("id", $"Paper account {row.AccountId} no longer exists.");
            var symbols = await LoadAsync(request, account.Interval, ct);
            row.Status = ReplayStatuses.Running;
            row.Total = symbols.SelectMany(s => s.Bars.Select(b => b.Time)).Distinct().Count();
            row.Done = 0;
            await db.SaveChangesAsync(ct);
            await PublishAsync(context, row, 0, null);

            var terms = new ReplayAccount(request.StartingCash,
                new FillCosts(account.FeePerUnit, account.FeeRate, account.FeeMinimum, account.SlippageBps, account.ParticipationRate),
                portfolio.AllowShort, account.MarginEnabled, account.Leverage, account.MaxPositionFraction, account.MaxOrderNotional);
            var lastReported = 0;
            var reported = Task.CompletedTask;
            var result = ReplayEngine.Run(terms, symbols, request.Orders, (done, total, fills) =>
            {
                // At most about twenty progress events per replay, however long its range.
                if (done == total || done - lastReported < Math.Max(1, total / 20))
                    return;
                lastReported = done;
                reported = reported.ContinueWith(_ => PublishAsync(context, row, fills, null, done), ct).Unwrap();
            }, ct);
            await reported;
            row.Status = ReplayStatuses.Succeeded;
            row.Done = row.Total;
            row.Result = JsonSerializer.Serialize(result, ReplayJobs.Json);
            Finish(row, result.FillCount);
        }
        catch (AnalyticsException ex)
        {
            row.Status = ReplayStatuses.Failed;
            row.Error = ex.Message;
            logger.LogInformation("Replay {ReplayId} failed: {Error}", row.Id, ex.Message);
            Finish(row, 0);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Finish(PaperReplay row, int fills)
    {
        row.CompletedAt = clock.UtcNow;
        db.EnqueuePublish(new ReplayProgress(row.Id, row.AccountId, row.OwnerId, row.Status, row.Done, row.Total, fills, row.Error, row.CompletedAt.Value),
            row.Id);
    }

    private Task PublishAsync(ConsumeContext context, PaperReplay row, int fills, string? error, int? done = null) =>
        context.Publish(new ReplayProgress(row.Id, row.AccountId, row.OwnerId, ReplayStatuses.Running, done ?? row.Done, row.Total, fills, error,
            clock.UtcNow), context.CancellationToken);

    /// <summary>Each symbol's bars in the range, the close before it (to check orders placed before the first bar) and its corporate actions.</summary>
    private async Task<IReadOnlyList<ReplaySymbol>> LoadAsync(ReplayJobs.StoredRequest request, string interval, CancellationToken ct)
    {
        var names = request.Orders.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => names.Contains(a.Symbol)).ToListAsync(ct);
        var symbols = new List<ReplaySymbol>(names.Count);
        foreach (var name in names)
        {
            var asset = assets.FirstOrDefault(a => a.Symbol == name)
                        ?? throw AnalyticsException.NotFound("symbol", $"No asset with symbol '{name}' (it was removed after the replay was asked for).");
            var bars = await db.MarketData.AsNoTracking()
                .Where(b => b.AssetId == asset.AssetId && b.Interval == interval && b.Time >= request.From && b.Time <= request.To)
                .OrderBy(b => b.Time).Select(b => new FillBar(b.Time, b.Open, b.High, b.Low, b.Close, b.Volume)).ToListAsync(ct);
            var prior = await db.MarketData.AsNoTracking()
                .Where(b => b.AssetId == asset.AssetId && b.Interval == interval && b.Time < request.From)
                .OrderByDescending(b => b.Time).Select(b => (double?)b.Close).FirstOrDefaultAsync(ct);
            // A replay starts with no positions and no orders: actions up to its start change nothing.
            var actions = (await StoredCorporateActions.ReadAsync(db, asset.AssetId, request.From, request.To, ct)).Where(a => a.Date > request.From).ToList();
            symbols.Add(new ReplaySymbol(name, asset.AssetType == AssetTypes.Crypto, bars, prior, actions));
        }
        return symbols;
    }
}
