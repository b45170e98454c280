using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>Records transactions after checking them against everything already recorded.</summary>
public sealed class TransactionService(PlatformDbContext db, PortfolioService portfolios, TimeProvider clock)
{
    public async Task<(IReadOnlyList<TransactionDto> Items, long Total)> ListAsync(Guid portfolioId, int skip, int take, CancellationToken ct)
    {
        await portfolios.FindAsync(portfolioId, ct);
        var query = db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == portfolioId);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(t => t.Time).ThenByDescending(t => t.CreatedAt).Skip(skip).Take(take)
            .GroupJoin(db.Assets, t => t.AssetId, a => a.AssetId, (t, a) => new { t, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.t, Symbol = a == null ? null : a.Symbol })
            .ToListAsync(ct);
        return (rows.Select(r => ToDto(r.t, r.Symbol)).ToList(), total);
    }

    /// <summary>
    /// The transactions in [from, to], oldest first, read one by one as the caller writes them out (an export of a long
    /// history never sits in memory). The caller checks the portfolio exists first.
    /// </summary>
    public IAsyncEnumerable<TransactionDto> StreamAsync(Guid portfolioId, DateTime? from, DateTime? to)
    {
        var query = db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == portfolioId);
        if (from is { } start)
            query = query.Where(t => t.Time >= start);
        if (to is { } end)
            query = query.Where(t => t.Time <= end);
        return query.OrderBy(t => t.Time).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .GroupJoin(db.Assets, t => t.AssetId, a => a.AssetId, (t, a) => new { t, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.t, Symbol = a == null ? null : a.Symbol })
            .AsAsyncEnumerable()
            .Select(r => ToDto(r.t, r.Symbol));
    }

    public async Task<TransactionDto> AddAsync(Guid portfolioId, TransactionInput input, CancellationToken ct)
    {
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        PortfolioService.EnsureManual(portfolio);
        var (row, symbol) = await BuildAsync(portfolio, input, ct);
        await ReplayAsync(db, portfolio, row, ct);
        db.PortfolioTransactions.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row, symbol);
    }

    /// <summary>
    /// Replaces a transaction with the checked input, keeping its id and its place among same-time transactions; the
    /// whole history is replayed with the new values first, so an edit that would break a later transaction is refused.
    /// </summary>
    public async Task<TransactionDto> UpdateAsync(Guid portfolioId, Guid transactionId, TransactionInput input, CancellationToken ct)
    {
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        PortfolioService.EnsureManual(portfolio);
        var row = await db.PortfolioTransactions.SingleOrDefaultAsync(t => t.Id == transactionId && t.PortfolioId == portfolioId, ct)
                  ?? throw AnalyticsException.NotFound("txId", $"Transaction {transactionId} does not exist in portfolio {portfolioId}.");
        var what = $"Transaction {transactionId}";
        var read = AnalyticsException.CheckVersion(input.Version, row.Version, what);
        var (edited, symbol) = await BuildAsync(portfolio, input, ct);
        edited.Id = row.Id;
        edited.CreatedAt = row.CreatedAt;
        await ReplayAsync(db, portfolio, edited, ct, excluding: row.Id);

        row.Type = edited.Type;
        row.AssetId = edited.AssetId;
        row.Time = edited.Time;
        row.Quantity = edited.Quantity;
        row.Price = edited.Price;
        row.Amount = edited.Amount;
        row.Fee = edited.Fee;
        row.Currency = edited.Currency;
        row.Note = edited.Note;
        EditVersions.Advance(db, row, read);
        await PortfolioService.SaveEditAsync(db, what,
            () => db.PortfolioTransactions.AsNoTracking().Where(t => t.Id == transactionId).Select(t => (int?)t.Version).FirstOrDefaultAsync(ct), ct);
        return ToDto(row, symbol);
    }

    public async Task DeleteAsync(Guid portfolioId, Guid transactionId, CancellationToken ct)
    {
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        PortfolioService.EnsureManual(portfolio);
        var row = await db.PortfolioTransactions.SingleOrDefaultAsync(t => t.Id == transactionId && t.PortfolioId == portfolioId, ct)
                  ?? throw AnalyticsException.NotFound("txId", $"Transaction {transactionId} does not exist in portfolio {portfolioId}.");
        db.PortfolioTransactions.Remove(row);
        try
        {
            await ReplayAsync(db, portfolio, null, ct, excluding: row.Id);
        }
        catch (AnalyticsException ex)
        {
            throw AnalyticsException.Conflict("txId", $"Deleting this transaction would break a later one: {ex.Message}");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Imports a CSV of transactions in one pass: every line is parsed and checked, then the stored transactions and the
    /// new ones are replayed once in time order. By default nothing is stored unless every line is good
    /// (<see cref="ImportRejectedException"/> lists each bad line); <see cref="ImportModes.SkipInvalid"/> stores the good ones.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Guid portfolioId, string csv, string mode, CancellationToken ct)
    {
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        PortfolioService.EnsureManual(portfolio);
        var records = TransactionCsv.Records(csv).Where(r => !TransactionCsv.IsBlank(r.Fields)).Take(TransactionLimits.MaxImportLines + 2).ToList();
        if (records.Count == 0 || records[0].Line != 1 || !TransactionCsv.IsHeader(records[0].Fields))
            throw AnalyticsException.Invalid("body", $"The first line must be the header {TransactionCsv.Header}.");
        if (records.Count - 1 > TransactionLimits.MaxImportLines)
            throw AnalyticsException.Unprocessable("body", $"At most {TransactionLimits.MaxImportLines:N0} transactions per import.");

        var errors = new List<ImportError>();
        var lineOf = new Dictionary<Guid, int>();
        var parsed = new List<PortfolioTransaction>();
        var assets = new Dictionary<string, Asset?>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            try
            {
                var (row, _) = await BuildAsync(portfolio, TransactionCsv.Parse(fields), ct, assets);
                parsed.Add(row);
                lineOf[row.Id] = line;
            }
            catch (AnalyticsException ex)
            {
                errors.Add(new ImportError(line, ex.Message));
            }
        }

        // One replay of stored and new transactions together; a line the ledger refuses is reported and left out.
        var stored = await db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == portfolio.Id).ToListAsync(ct);
        var ledger = new Ledger(portfolio.CostBasisMethod, portfolio.AllowShort);
        var accepted = new List<PortfolioTransaction>();
        var entry = await EntriesAsync(db, stored.Concat(parsed), ct);
        foreach (var tx in Order(stored.Concat(parsed)))
        {
            try
            {
                ledger.Apply(entry(tx));
                if (lineOf.ContainsKey(tx.Id))
                    accepted.Add(tx);
            }
            catch (AnalyticsException ex) when (lineOf.TryGetValue(tx.Id, out var line))
            {
                errors.Add(new ImportError(line, ex.Message));
            }
            catch (AnalyticsException ex)
            {
                throw AnalyticsException.Unprocessable("body",
                    $"The import would break the stored {tx.Type} of {tx.Time:yyyy-MM-dd}: {ex.Message}");
            }
        }
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (errors.Count > 0 && mode != ImportModes.SkipInvalid)
            throw new ImportRejectedException(errors);

        db.PortfolioTransactions.AddRange(accepted.OrderBy(t => lineOf[t.Id]));
        await db.SaveChangesAsync(ct);
        return new ImportResult(accepted.Count, errors, mode);
    }

    /// <summary>
    /// Replays the portfolio's stored transactions (plus <paramref name="added"/> and <paramref name="pending"/>,
    /// minus <paramref name="excluding"/>) and throws if any breaks the rules.
    /// </summary>
    public static async Task ReplayAsync(
        PlatformDbContext db, PortfolioAccount portfolio, PortfolioTransaction? added, CancellationToken ct,
        Guid? excluding = null, IReadOnlyList<PortfolioTransaction>? pending = null)
    {
        var stored = await db.PortfolioTransactions.AsNoTracking()
            .Where(t => t.PortfolioId == portfolio.Id && t.Id != excluding).ToListAsync(ct);
        var all = stored.Concat(pending ?? []).Concat(added is null ? [] : [added]).ToList();
        var ledger = new Ledger(portfolio.CostBasisMethod, portfolio.AllowShort);
        var entry = await EntriesAsync(db, all, ct);
        foreach (var tx in Order(all))
            ledger.Apply(entry(tx));
    }

    /// <summary>Ledger entries with their symbols, so the ledger's refusals name the symbol rather than the asset id.</summary>
    private static async Task<Func<PortfolioTransaction, LedgerEntry>> EntriesAsync(
        PlatformDbContext db, IEnumerable<PortfolioTransaction> rows, CancellationToken ct)
    {
        var ids = rows.Where(t => t.AssetId is not null).Select(t => t.AssetId!.Value).Distinct().ToList();
        var symbols = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.AssetId)).ToDictionaryAsync(a => a.AssetId, a => a.Symbol, ct);
        return t => ToEntry(t, t.AssetId is { } id ? symbols.GetValueOrDefault(id) : null);
    }

    public static IEnumerable<PortfolioTransaction> Order(IEnumerable<PortfolioTransaction> rows) =>
        rows.OrderBy(t => t.Time).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);

    public static LedgerEntry ToEntry(PortfolioTransaction t, string? symbol) =>
        new(t.Type, t.AssetId, symbol, t.Time, t.Quantity, t.Price, t.Amount, t.Fee, t.Currency);

    private async Task<(PortfolioTransaction Row, string? Symbol)> BuildAsync(
        PortfolioAccount portfolio, TransactionInput input, CancellationToken ct, Dictionary<string, Asset?>? assets = null)
    {
        var type = input.Type?.Trim().ToLowerInvariant();
        if (type is null || !TransactionTypes.All.Contains(type))
            throw AnalyticsException.Invalid("type", $"type must be one of {string.Join(", ", TransactionTypes.All)}.");
        if (input.Time is not { } time)
            throw AnalyticsException.Invalid("time", "time is required (ISO-8601, UTC).");
        var quantity = input.Quantity ?? 0;
        var price = input.Price ?? 0;
        var amount = input.Amount ?? 0;
        var fee = input.Fee ?? 0;
        if (new[] { quantity, price, amount, fee }.Any(v => !double.IsFinite(v)))
            throw AnalyticsException.Invalid("quantity", "Numbers must be finite.");
        if (TransactionTypes.HasQuantity(type) && quantity <= 0)
            throw AnalyticsException.Invalid("quantity", type == TransactionTypes.Split
                ? "quantity of a split is the positive ratio of new shares per old share (2 for a 2-for-1 split)."
                : "quantity must be positive.");
        if (type is TransactionTypes.Buy or TransactionTypes.Sell && price <= 0)
            throw AnalyticsException.Invalid("price", "price must be positive.");
        if (!TransactionTypes.HasQuantity(type) && amount <= 0)
            throw AnalyticsException.Invalid("amount", $"amount of a {type} must be positive.");
        if (fee < 0)
            throw AnalyticsException.Invalid("fee", "fee must not be negative.");
        TransactionLimits.Check(type, quantity, price, amount, fee);
        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(currency) && !PortfolioService.IsCurrency(currency))
            throw AnalyticsException.Invalid("currency", "currency must be a three-letter code such as USD.");

        var utc = time.AsUtc();
        if (utc > clock.GetUtcNow().UtcDateTime)
            throw AnalyticsException.Unprocessable("time", $"time {utc:O} is in the future.");

        Asset? asset = null;
        var symbol = input.Symbol?.Trim();
        if (TransactionTypes.NeedsAsset(type))
        {
            if (string.IsNullOrEmpty(symbol))
                throw AnalyticsException.Invalid("symbol", $"A {type} needs a symbol.");
            if (assets is null || !assets.TryGetValue(symbol, out asset))
            {
                asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Symbol == symbol, ct);
                assets?.Add(symbol, asset);
            }
            if (asset is null)
                throw AnalyticsException.Unprocessable("symbol", $"Unknown asset '{symbol}'.");
            if (asset.AssetType is AssetTypes.Bond or AssetTypes.EconomicIndicator)
                throw AnalyticsException.Unprocessable("symbol", $"'{symbol}' is a {asset.AssetType} series and cannot be held.");
            // A GBp asset is bought and sold in GBP: the portfolio keeps major currencies only.
            var assetCurrency = asset.Currency is { } quoted ? CurrencyUnit.MajorOf(quoted) : portfolio.BaseCurrency;
            if (type != TransactionTypes.Dividend && !string.IsNullOrEmpty(currency) && currency != assetCurrency)
                throw AnalyticsException.Unprocessable("currency", $"'{symbol}' trades in {assetCurrency}, not {currency}.");
            currency = string.IsNullOrEmpty(currency) ? assetCurrency : currency;
        }
        currency = string.IsNullOrEmpty(currency) ? portfolio.BaseCurrency : currency;

        var row = new PortfolioTransaction
        {
            Id = Guid.CreateVersion7(),
            PortfolioId = portfolio.Id,
            Type = type,
            AssetId = asset?.AssetId,
            Time = utc,
            Quantity = TransactionTypes.HasQuantity(type) ? quantity : 0,
            Price = type is TransactionTypes.Buy or TransactionTypes.Sell ? price : 0,
            Amount = TransactionTypes.HasQuantity(type) ? 0 : amount,
            Fee = fee,
            Currency = currency,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        return (row, asset?.Symbol);
    }

    private static TransactionDto ToDto(PortfolioTransaction t, string? symbol) =>
        new(t.Id, t.Type, symbol, t.Time, t.Quantity, t.Price, t.Amount, t.Fee, t.Currency, t.Note, t.CreatedAt, t.Version);
}
