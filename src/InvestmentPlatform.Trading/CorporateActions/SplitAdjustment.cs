namespace InvestmentPlatform.Trading.CorporateActions;

/// <summary>An order's size and prices, before or after a split.</summary>
public readonly record struct OrderTerms(double Quantity, double FilledQuantity, double? LimitPrice, double? StopPrice, double AverageFillPrice);

/// <summary>
/// How a split changes an open order, as a broker adjusts it on the ex-date: units × ratio, prices ÷ ratio, so the
/// order's notional is unchanged. Pure, and the same for live orders and replays.
/// </summary>
public static class SplitAdjustment
{
    /// <param name="ratio">New shares per old share: 4 for a 4-for-1 split, 0.25 for a 1-for-4 reverse split.</param>
    /// <param name="fractional">Whether the asset trades fractions; otherwise the unfilled rest is rounded down to whole units.</param>
    public static OrderTerms Adjust(OrderTerms order, double ratio, bool fractional)
    {
        var filled = order.FilledQuantity * ratio;
        var rest = (order.Quantity - order.FilledQuantity) * ratio;
        // Rounded first so that 25 × 4 is 100 and not 99.99999999999999 before the floor.
        rest = Math.Round(rest, 9);
        if (!fractional)
            rest = Math.Floor(rest);
        return new OrderTerms(filled + rest, filled, order.LimitPrice / ratio, order.StopPrice / ratio, order.AverageFillPrice / ratio);
    }

    /// <summary>The sentence the audit trail keeps for the adjustment.</summary>
    public static string Describe(DateTime exDate, double ratio, OrderTerms before, OrderTerms after)
    {
        var text = $"{Ratio(ratio)} split on {exDate:yyyy-MM-dd}: quantity {before.Quantity:0.########} → {after.Quantity:0.########}";
        if (before.LimitPrice is { } l)
            text += $", limit {l:0.########} → {after.LimitPrice:0.########}";
        if (before.StopPrice is { } s)
            text += $", stop {s:0.########} → {after.StopPrice:0.########}";
        return text;
    }

    /// <summary>4-for-1, or 1-for-4 for a reverse split.</summary>
    public static string Ratio(double ratio) => ratio >= 1 ? $"{ratio:0.####}-for-1" : $"1-for-{1 / ratio:0.####}";
}
