using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Trading;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Accounts;

/// <summary>Paper accounts: a portfolio of kind paper with its trading settings and the starting deposit, made in one SaveChanges.</summary>
public sealed class PaperAccountService(PlatformDbContext db, TradingClock clock)
{
    public const double MaxStartingCash = 1e12;

    /// <param name="ownerId">Only this user's accounts; null for everyone's.</param>
    public async Task<(IReadOnlyList<PaperAccountDto> Items, long Total)> ListAsync(int skip, int take, string? ownerId, CancellationToken ct)
    {
        var query = Joined().Where(x => ownerId == null || x.Portfolio.OwnerId == ownerId);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderBy(x => x.Portfolio.Name).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(r => ToDto(r.Portfolio, r.Account)).ToList(), total);
    }

    public async Task<PaperAccountDto> GetAsync(Guid id, CancellationToken ct)
    {
        var (portfolio, account) = await FindAsync(id, ct);
        return ToDto(portfolio, account);
    }

    public async Task<(PortfolioAccount Portfolio, PaperAccount Account)> FindAsync(Guid id, CancellationToken ct)
    {
        var row = await Joined().FirstOrDefaultAsync(x => x.Portfolio.Id == id, ct)
                  ?? throw AnalyticsException.NotFound("id", $"Paper account {id} does not exist.");
        return (row.Portfolio, row.Account);
    }

    public async Task<PaperAccountDto> CreateAsync(PaperAccountInput input, string? ownerId, CancellationToken ct)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw AnalyticsException.Invalid("name", "name is required (at most 200 characters).");
        var currency = input.BaseCurrency?.Trim().ToUpperInvariant();
        if (!PortfolioService.IsCurrency(currency))
            throw AnalyticsException.Invalid("baseCurrency", "baseCurrency must be a three-letter currency code such as USD.");
        if (input.StartingCash is not { } cash || !double.IsFinite(cash) || cash <= 0 || cash > MaxStartingCash)
            throw AnalyticsException.Invalid("startingCash", $"startingCash must be a positive number up to {MaxStartingCash:0e0}.");
        var interval = input.Interval?.Trim() ?? "1d";
        if (!BarIntervals.IsKnown(interval))
            throw AnalyticsException.Invalid("interval", $"interval must be one of {string.Join(", ", BarIntervals.All)}.");
        var leverage = Range(input.Leverage, 1, 1, 10, "leverage", "between 1 and 10");
        var maxPosition = Range(input.MaxPositionPercent, 100, 0.01, 1000, "maxPositionPercent", "between 0.01 and 1000");
        var participation = Range(input.ParticipationPercent, 10, 0.01, 100, "participationPercent", "between 0.01 and 100");
        var feePerUnit = Range(input.FeePerUnit, 0, 0, 1e6, "feePerUnit", "between 0 and 1e6");
        var feePercent = Range(input.FeePercent, 0, 0, 10, "feePercent", "between 0 and 10");
        var feeMinimum = Range(input.FeeMinimum, 0, 0, 1e6, "feeMinimum", "between 0 and 1e6");
        var slippage = Range(input.SlippageBps, 0, 0, 1000, "slippageBps", "between 0 and 1000");
        double? maxNotional = input.MaxOrderNotional is null ? null : Range(input.MaxOrderNotional, 0, 0.01, MaxStartingCash * 10, "maxOrderNotional", "positive");
        if (await db.Portfolios.AnyAsync(p => p.Name == name, ct))
            throw AnalyticsException.Conflict("name", $"A portfolio named '{name}' already exists.");

        var now = clock.UtcNow;
        var start = input.StartAt?.AsUtc() ?? now;
        if (start > now)
            throw AnalyticsException.Unprocessable("startAt", $"startAt {start:O} is in the future.");
        var portfolio = new PortfolioAccount
        {
            Id = Guid.CreateVersion7(), OwnerId = ownerId, Name = name, BaseCurrency = currency!, Kind = PortfolioKinds.Paper,
            AllowShort = input.AllowShort ?? false, CreatedAt = now, UpdatedAt = now,
        };
        var account = new PaperAccount
        {
            PortfolioId = portfolio.Id, StartingCash = cash, Interval = interval, MarginEnabled = input.MarginEnabled ?? false,
            Leverage = leverage, MaxPositionFraction = maxPosition / 100, MaxOrderNotional = maxNotional, FeePerUnit = feePerUnit,
            FeeRate = feePercent / 100, FeeMinimum = feeMinimum, SlippageBps = slippage, ParticipationRate = participation / 100, CreatedAt = now,
        };
        db.Portfolios.Add(portfolio);
        db.PaperAccounts.Add(account);
        db.PortfolioTransactions.Add(new PortfolioTransaction
        {
            Id = Guid.CreateVersion7(), PortfolioId = portfolio.Id, Type = TransactionTypes.Deposit, Time = start, Amount = cash,
            Currency = portfolio.BaseCurrency, Note = "starting cash", CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return ToDto(portfolio, account);
    }

    private static double Range(double? value, double fallback, double min, double max, string field, string rule)
    {
        var v = value ?? fallback;
        if (!double.IsFinite(v) || v < min || v > max)
            throw AnalyticsException.Invalid(field, $"{field} must be {rule}.");
        return v;
    }

    private IQueryable<AccountRow> Joined() =>
        db.Portfolios.AsNoTracking().Join(db.PaperAccounts.AsNoTracking(), p => p.Id, a => a.PortfolioId, (p, a) => new AccountRow { Portfolio = p, Account = a });

    private sealed class AccountRow
    {
        public required PortfolioAccount Portfolio { get; init; }
        public required PaperAccount Account { get; init; }
    }

    public static PaperAccountDto ToDto(PortfolioAccount p, PaperAccount a) => new(
        p.Id, p.Name, p.Kind, p.BaseCurrency, a.StartingCash, a.Interval, p.AllowShort, a.MarginEnabled, a.Leverage,
        a.MaxPositionFraction * 100, a.MaxOrderNotional, a.FeePerUnit, a.FeeRate * 100, a.FeeMinimum, a.SlippageBps,
        a.ParticipationRate * 100, a.CreatedAt);
}
