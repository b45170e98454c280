namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>One stored pair a conversion multiplies by (or divides by, when stored the other way round).</summary>
/// <param name="Pair">The pair as stored: its close is the price of one Base in Quote.</param>
/// <param name="Invert">True when the conversion runs from Quote to Base, so the rate is 1 / close.</param>
public sealed record ConversionLeg(long AssetId, string Symbol, FxPair Pair, string Interval, bool Invert)
{
    public string From => Invert ? Pair.Quote : Pair.Base;
    public string To => Invert ? Pair.Base : Pair.Quote;
}

/// <summary>
/// How prices in <see cref="From"/> become prices in <see cref="To"/>: a fixed unit ratio (100 from GBP to GBp) times
/// the rate of each leg at the bar's time. No leg means the currencies are one (GBp and GBP); no rate means no answer.
/// </summary>
public sealed record CurrencyConversion(CurrencyUnit From, CurrencyUnit To, double Factor, IReadOnlyList<ConversionLeg> Legs, TimeSpan MaxRateAge)
{
    /// <summary>Nothing to do: the same unit.</summary>
    public bool IsIdentity => Factor == 1 && Legs.Count == 0;

    /// <summary>The route in words, for messages: GBp → GBP → USD via GBPUSD=X.</summary>
    public string Describe() => Legs.Count == 0
        ? $"{From} → {To} (fixed ratio {Factor:G})"
        : $"{From} → {To} via {string.Join(", ", Legs.Select(l => l.Symbol))}";
}
