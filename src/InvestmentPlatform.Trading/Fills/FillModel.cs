using InvestmentPlatform.Trading.Orders;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>One stored bar as the fill engine sees it.</summary>
public readonly record struct FillBar(DateTime Time, double Open, double High, double Low, double Close, double? Volume);

/// <summary>What an order looks like to the fill model: its terms and how far it has got.</summary>
public sealed record WorkingOrder(
    string Side,
    string Type,
    double Quantity,
    double? LimitPrice,
    double? StopPrice,
    double FilledQuantity,
    double AverageFillPrice,
    bool StopTriggered,
    bool Fractional)
{
    public double Remaining => Quantity - FilledQuantity;
}

/// <summary>Costs of an account: fee per unit, fee as a fraction of notional, a minimum per order, slippage, participation.</summary>
public sealed record FillCosts(double FeePerUnit, double FeeRate, double FeeMinimum, double SlippageBps, double ParticipationRate);

/// <param name="Quantity">Units filled on this bar; 0 when the bar filled nothing.</param>
/// <param name="StopTriggered">Whether the order's stop has been reached (on this bar or before).</param>
public readonly record struct BarFill(double Quantity, double Price, double Fee, bool StopTriggered);

/// <summary>
/// How one bar fills one order. Pure and deterministic: the same bar and order always give the same fill.
/// <list type="bullet">
/// <item>Market: at the bar's open.</item>
/// <item>Limit buy: when low ≤ limit, at the limit, or at the open when it gapped below it; sells mirror this.</item>
/// <item>Stop buy: triggers when high ≥ stop and then fills as a market order at the stop, or at the open when it
/// gapped above it; sells mirror this. Once triggered, later bars fill it at their open.</item>
/// <item>Stop-limit: triggers as a stop, then works as a limit; on the trigger bar it fills only when the price it
/// triggered at (stop or gapped open) is within the limit, since the path inside the bar is unknown.</item>
/// <item>Slippage (basis points, against the trader) applies to market-priced fills (market, stop) and never takes a
/// limit fill past its limit.</item>
/// <item>Quantity is capped at <see cref="FillCosts.ParticipationRate"/> of the bar's volume (whole units unless the asset
/// is fractional); a bar without volume fills nothing.</item>
/// <item>Fee: per unit plus a fraction of the notional, and the order's fees together are max(that sum, the minimum):
/// the first fill pays at least the minimum, later fills only what the sum has grown past it.</item>
/// </list>
/// </summary>
public static class FillModel
{
    public static BarFill Fill(WorkingOrder order, FillBar bar, FillCosts costs)
    {
        var buy = order.Side == OrderSides.Buy;
        var triggered = order.StopTriggered;
        var justTriggered = false;
        if (OrderTypes.HasStop(order.Type) && !triggered && order.StopPrice is { } stop)
        {
            triggered = buy ? bar.High >= stop : bar.Low <= stop;
            justTriggered = triggered;
        }
        if (OrderTypes.HasStop(order.Type) && !triggered)
            return new BarFill(0, 0, 0, false);

        double? price = order.Type switch
        {
            OrderTypes.Market => Slip(bar.Open, buy, costs),
            OrderTypes.Stop => Slip(justTriggered ? StopPrice(order.StopPrice!.Value, bar.Open, buy) : bar.Open, buy, costs),
            OrderTypes.Limit => LimitPrice(order.LimitPrice!.Value, bar, buy),
            OrderTypes.StopLimit when justTriggered => WithinLimit(StopPrice(order.StopPrice!.Value, bar.Open, buy), order.LimitPrice!.Value, buy),
            OrderTypes.StopLimit => LimitPrice(order.LimitPrice!.Value, bar, buy),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Type, "Unknown order type."),
        };
        if (price is not { } p)
            return new BarFill(0, 0, 0, triggered);

        var quantity = Math.Min(order.Remaining, Capacity(bar.Volume, costs.ParticipationRate, order.Fractional));
        if (quantity <= 0)
            return new BarFill(0, 0, 0, triggered);
        return new BarFill(quantity, p, Fee(quantity, p, order.FilledQuantity, order.AverageFillPrice, costs), triggered);
    }

    /// <summary>
    /// The fee of a fill after <paramref name="filledBefore"/> units at <paramref name="averagePriceBefore"/>: the order's fees
    /// are max(per unit × units + rate × notional, minimum) over all its fills, and this fill pays what that total grows by.
    /// </summary>
    public static double Fee(double quantity, double price, double filledBefore, double averagePriceBefore, FillCosts costs)
    {
        // The raw fee is linear in units and notional, so the fills before add up to one raw fee on their totals.
        var before = filledBefore > 0 ? Math.Max(Raw(filledBefore, filledBefore * averagePriceBefore, costs), costs.FeeMinimum) : 0;
        var after = Math.Max(Raw(filledBefore + quantity, filledBefore * averagePriceBefore + quantity * price, costs), costs.FeeMinimum);
        return after - before;
    }

    private static double Raw(double units, double notional, FillCosts costs) => costs.FeePerUnit * units + costs.FeeRate * notional;

    /// <summary>Units one bar can fill: the participation share of its volume, whole units unless fractional.</summary>
    public static double Capacity(double? volume, double participationRate, bool fractional)
    {
        if (volume is not > 0)
            return 0;
        var cap = volume.Value * participationRate;
        // Rounded first so that 10 % of 1,000 is 100 and not 99.99999999999999.
        cap = Math.Round(cap, 9);
        return fractional ? cap : Math.Floor(cap);
    }

    private static double Slip(double price, bool buy, FillCosts costs) => price * (1 + (buy ? 1 : -1) * costs.SlippageBps / 10_000);

    /// <summary>The price a stop fills at on the bar that triggers it: the stop, or the open when the bar gapped through it.</summary>
    private static double StopPrice(double stop, double open, bool buy) => buy ? Math.Max(stop, open) : Math.Min(stop, open);

    private static double? LimitPrice(double limit, FillBar bar, bool buy)
    {
        if (buy)
            return bar.Low <= limit ? Math.Min(limit, bar.Open) : null;
        return bar.High >= limit ? Math.Max(limit, bar.Open) : null;
    }

    private static double? WithinLimit(double price, double limit, bool buy) => (buy ? price <= limit : price >= limit) ? price : null;
}
