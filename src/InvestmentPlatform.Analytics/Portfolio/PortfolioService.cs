using System.Text.RegularExpressions;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>Portfolios: create, read, update, delete.</summary>
public sealed partial class PortfolioService(PlatformDbContext db, TimeProvider clock)
{
    /// <param name="ownerId">Only this user's portfolios; null for everyone's.</param>
    public async Task<(IReadOnlyList<PortfolioDto> Items, long Total)> ListAsync(int skip, int take, string? ownerId, CancellationToken ct)
    {
        var portfolios = ownerId is null ? db.Portfolios : db.Portfolios.Where(p => p.OwnerId == ownerId);
        var total = await portfolios.LongCountAsync(ct);
        var items = await portfolios.AsNoTracking().OrderBy(p => p.Name).Skip(skip).Take(take).ToListAsync(ct);
        return (items.Select(ToDto).ToList(), total);
    }

    public async Task<PortfolioDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct));

    public async Task<PortfolioDto> CreateAsync(PortfolioInput input, string? ownerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new PortfolioAccount { Id = Guid.CreateVersion7(), OwnerId = ownerId, Name = "", BaseCurrency = "", CreatedAt = now };
        await ApplyAsync(entity, input, ct);
        db.Portfolios.Add(entity);
        await db.SaveChangesAsync(ct);
        return ToDto(entity);
    }

    public async Task<PortfolioDto> UpdateAsync(Guid id, PortfolioInput input, CancellationToken ct)
    {
        var entity = await FindAsync(id, ct);
        var read = AnalyticsException.CheckVersion(input.Version, entity.Version, $"Portfolio '{entity.Name}'");
        await ApplyAsync(entity, input, ct);
        EditVersions.Advance(db, entity, read);
        await SaveEditAsync(db, $"Portfolio '{entity.Name}'",
            () => db.Portfolios.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct), ct);
        return ToDto(entity);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var portfolio = await FindAsync(id, ct);
        // Orders keep their audit trail, so a paper account that has traded stays.
        if (portfolio.Kind == PortfolioKinds.Paper && await db.PaperOrders.AnyAsync(o => o.AccountId == id, ct))
            throw AnalyticsException.Conflict("id", $"Paper account {id} has orders; their audit trail is kept, so it cannot be deleted.");
        db.Portfolios.Remove(portfolio);
        await db.SaveChangesAsync(ct);
    }

    public async Task<PortfolioAccount> FindAsync(Guid id, CancellationToken ct) =>
        await db.Portfolios.SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw AnalyticsException.NotFound("id", $"Portfolio {id} does not exist.");

    /// <summary>The transactions of a paper account are its fills: they are not entered, changed or removed by hand.</summary>
    public static void EnsureManual(PortfolioAccount portfolio)
    {
        if (portfolio.Kind == PortfolioKinds.Paper)
            throw AnalyticsException.Conflict("id", $"Portfolio {portfolio.Id} is a paper account; its transactions are its fills and cannot be edited.");
    }

    /// <summary>Saves an edit; a concurrent one that saved first turns into the stale-version refusal.</summary>
    internal static async Task SaveEditAsync(PlatformDbContext db, string what, Func<Task<int?>> currentVersion, CancellationToken ct)
    {
        if (await EditVersions.SaveAsync(db, currentVersion, ct) is { } lost)
            throw lost.Current is { } v ? AnalyticsException.Stale(what, v) : AnalyticsException.NotFound("id", $"{what} no longer exists.");
    }

    public static bool IsCurrency(string? code) => code is not null && CurrencyCode().IsMatch(code);

    private async Task ApplyAsync(PortfolioAccount entity, PortfolioInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw AnalyticsException.Invalid("name", "name is required (at most 200 characters).");
        var currency = input.BaseCurrency?.Trim().ToUpperInvariant();
        if (!IsCurrency(currency))
            throw AnalyticsException.Invalid("baseCurrency", "baseCurrency must be a three-letter currency code such as USD.");
        var method = input.CostBasisMethod?.Trim().ToLowerInvariant() ?? CostBasisMethods.Fifo;
        if (!CostBasisMethods.IsKnown(method))
            throw AnalyticsException.Invalid("costBasisMethod", "costBasisMethod must be fifo or average.");
        var benchmark = string.IsNullOrWhiteSpace(input.BenchmarkSymbol) ? null : input.BenchmarkSymbol.Trim();
        if (benchmark is not null && !await db.Assets.AnyAsync(a => a.Symbol == benchmark, ct))
            throw AnalyticsException.Unprocessable("benchmarkSymbol", $"Unknown benchmark symbol '{benchmark}'.");
        if (await db.Portfolios.AnyAsync(p => p.Name == name && p.Id != entity.Id, ct))
            throw AnalyticsException.Conflict("name", $"A portfolio named '{name}' already exists.");

        var changesRules = entity.CostBasisMethod != method || entity.AllowShort != (input.AllowShort ?? false);
        entity.Name = name;
        entity.BaseCurrency = currency!;
        entity.CostBasisMethod = method;
        entity.AllowShort = input.AllowShort ?? false;
        entity.BenchmarkSymbol = benchmark;
        entity.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Turning shorting off must not leave recorded short sales behind.
        if (changesRules && db.Entry(entity).State != EntityState.Detached)
            await TransactionService.ReplayAsync(db, entity, null, ct);
    }

    public static PortfolioDto ToDto(PortfolioAccount p) =>
        new(p.Id, p.Name, p.BaseCurrency, p.CostBasisMethod, p.AllowShort, p.BenchmarkSymbol, p.CreatedAt, p.UpdatedAt, p.Kind, p.Version);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
