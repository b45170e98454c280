namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>
/// Replays transactions in time order: positions with FIFO or average-cost lots, realised P&amp;L, and cash per
/// currency. When a transaction would take a currency's cash below zero, the shortfall is treated as money the
/// owner put in (an implicit deposit, an external flow), so buys recorded without deposits still give returns.
/// </summary>
public sealed class Ledger(string costBasisMethod, bool allowShort)
{
    public const double Epsilon = 1e-9;

    private readonly Dictionary<long, Position> _positions = [];
    private readonly Dictionary<string, double> _cash = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<long, Position> Positions => _positions;
    public IReadOnlyDictionary<string, double> Cash => _cash;

    /// <summary>
    /// Applies one transaction. Returns the external flows it caused per currency (deposits and implicit
    /// deposits positive, withdrawals negative). Throws <see cref="AnalyticsException"/> when selling more than held
    /// without shorting, or withdrawing more cash than held.
    /// </summary>
    public Dictionary<string, double> Apply(LedgerEntry tx)
    {
        var flows = new Dictionary<string, double>(StringComparer.Ordinal);
        switch (tx.Type)
        {
            case TransactionTypes.Buy:
                Trade(tx, tx.Quantity);
                AddCash(tx.Currency, -(tx.Quantity * tx.Price + tx.Fee), flows);
                break;
            case TransactionTypes.Sell:
                Trade(tx, -tx.Quantity);
                AddCash(tx.Currency, tx.Quantity * tx.Price - tx.Fee, flows);
                break;
            case TransactionTypes.Dividend:
                PositionFor(tx).Income += tx.Amount - tx.Fee;
                AddCash(tx.Currency, tx.Amount - tx.Fee, flows);
                break;
            case TransactionTypes.Interest:
                AddCash(tx.Currency, tx.Amount - tx.Fee, flows);
                break;
            case TransactionTypes.Fee:
                AddCash(tx.Currency, -(tx.Amount + tx.Fee), flows);
                break;
            case TransactionTypes.Deposit:
                AddCash(tx.Currency, tx.Amount - tx.Fee, flows);
                Flow(flows, tx.Currency, tx.Amount - tx.Fee);
                break;
            case TransactionTypes.Withdrawal:
                var held = _cash.GetValueOrDefault(tx.Currency);
                if (tx.Amount + tx.Fee > held + Epsilon)
                    throw AnalyticsException.Unprocessable("amount",
                        $"Withdrawing {tx.Amount + tx.Fee} {tx.Currency} on {tx.Time:yyyy-MM-dd} but only {held} {tx.Currency} is held.");
                AddCash(tx.Currency, -(tx.Amount + tx.Fee), flows);
                Flow(flows, tx.Currency, -tx.Amount);
                break;
            case TransactionTypes.Split:
                // Checked before any lot changes, so a refused split leaves the ledger as it was.
                if (PositionFor(tx).Lots.Any(l => Math.Abs(l.Quantity * tx.Quantity) > TransactionLimits.MaxMagnitude))
                    throw AnalyticsException.Unprocessable("quantity",
                        $"The split on {tx.Time:yyyy-MM-dd} would make a position larger than {TransactionLimits.MaxMagnitude:0e0}.");
                foreach (var lot in PositionFor(tx).Lots)
                {
                    lot.Quantity *= tx.Quantity;
                    lot.UnitCost /= tx.Quantity;
                }
                break;
            default:
                throw AnalyticsException.Invalid("type", $"Unknown transaction type '{tx.Type}'.");
        }
        return flows;
    }

    private void AddCash(string currency, double delta, Dictionary<string, double> flows)
    {
        var balance = _cash.GetValueOrDefault(currency) + delta;
        if (balance < -Epsilon)
        {
            Flow(flows, currency, -balance);
            balance = 0;
        }
        _cash[currency] = balance;
    }

    private static void Flow(Dictionary<string, double> flows, string currency, double amount) =>
        flows[currency] = flows.GetValueOrDefault(currency) + amount;

    private Position PositionFor(LedgerEntry tx)
    {
        var id = tx.AssetId ?? throw AnalyticsException.Invalid("symbol", $"A {tx.Type} needs a symbol.");
        if (!_positions.TryGetValue(id, out var position))
            _positions[id] = position = new Position(id, tx.Symbol ?? id.ToString(), tx.Currency);
        return position;
    }

    /// <summary>Buys (positive) or sells (negative) <paramref name="signedQuantity"/>, closing opposite lots first.</summary>
    private void Trade(LedgerEntry tx, double signedQuantity)
    {
        var position = PositionFor(tx);
        var held = position.Quantity;
        if (!allowShort && signedQuantity < 0 && -signedQuantity > held + Epsilon)
            throw AnalyticsException.Unprocessable("quantity",
                $"Selling {-signedQuantity} {position.Symbol} on {tx.Time:yyyy-MM-dd} but only {Math.Max(0, held)} is held (shorting is not enabled for this portfolio).");

        var remaining = signedQuantity;
        var closed = 0.0;
        // FIFO: the oldest lots close first; average cost keeps a single lot, so the same loop serves both.
        while (Math.Abs(remaining) > Epsilon && position.Lots.Count > 0 && Math.Sign(position.Lots[0].Quantity) != Math.Sign(remaining))
        {
            var lot = position.Lots[0];
            var size = Math.Min(Math.Abs(lot.Quantity), Math.Abs(remaining));
            position.RealizedPnl += lot.Quantity > 0 ? size * (tx.Price - lot.UnitCost) : size * (lot.UnitCost - tx.Price);
            lot.Quantity -= Math.Sign(lot.Quantity) * size;
            remaining -= Math.Sign(remaining) * size;
            closed += size;
            if (Math.Abs(lot.Quantity) <= Epsilon)
                position.Lots.RemoveAt(0);
        }

        var total = Math.Abs(signedQuantity);
        var closingFee = total > 0 ? tx.Fee * closed / total : 0;
        position.RealizedPnl -= closingFee;
        if (Math.Abs(remaining) > Epsilon)
        {
            var openingFee = tx.Fee - closingFee;
            // A buying fee raises the unit cost of a long lot; a shorting fee lowers the proceeds the short is held at.
            var unitCost = tx.Price + Math.Sign(remaining) * openingFee / Math.Abs(remaining);
            position.Lots.Add(new Lot(remaining, unitCost));
            if (costBasisMethod == CostBasisMethods.Average && position.Lots.Count > 1)
            {
                var quantity = position.Quantity;
                var cost = position.CostBasis;
                position.Lots.Clear();
                position.Lots.Add(new Lot(quantity, cost / quantity));
            }
        }
    }
}
