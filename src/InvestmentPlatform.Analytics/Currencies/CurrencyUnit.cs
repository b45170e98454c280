namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>
/// A unit prices are quoted in: a major currency (USD, GBP) or a minor unit of one at a fixed ratio (GBp, pence, is
/// one hundredth of GBP). <paramref name="Code"/> is kept exactly as given, so GBp stays GBp.
/// </summary>
/// <param name="Code">The unit as quoted: GBp, GBX, ZAc, ILA, or a major ISO 4217 code.</param>
/// <param name="Major">The ISO 4217 currency the unit belongs to.</param>
/// <param name="PerMajor">Units in one of <paramref name="Major"/>: 100 for GBp, 1 for a major code.</param>
public sealed record CurrencyUnit(string Code, string Major, double PerMajor)
{
    /// <summary>
    /// Minor units providers quote in. Case matters where it decides: GBp (pence) is not GBP, so the mixed-case codes are
    /// matched exactly; GBX, ZAC and ILA are upper case already and only mean the minor unit.
    /// </summary>
    private static readonly Dictionary<string, (string Major, double PerMajor)> Minor = new(StringComparer.Ordinal)
    {
        ["GBp"] = ("GBP", 100),
        ["GBX"] = ("GBP", 100),
        ["ZAc"] = ("ZAR", 100),
        ["ZAC"] = ("ZAR", 100),
        ["ILA"] = ("ILS", 100),
    };

    public bool IsMinor => PerMajor != 1;

    /// <summary>How many of <paramref name="target"/> one of this unit is worth when both belong to one currency.</summary>
    public double RatioTo(CurrencyUnit target) => target.PerMajor / PerMajor;

    /// <summary>
    /// The unit a code names, or null when it is neither a known minor unit nor three letters. A lower-case major code
    /// (usd) reads as its upper case; gbp reads as GBP, since only GBp itself means pence.
    /// </summary>
    public static CurrencyUnit? Parse(string? code)
    {
        var text = code?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (Minor.TryGetValue(text, out var minor))
            return new CurrencyUnit(text, minor.Major, minor.PerMajor);
        var upper = text.ToUpperInvariant();
        if (upper.Length != 3 || !upper.All(c => c is >= 'A' and <= 'Z'))
            return null;
        return Minor.TryGetValue(upper, out minor) ? new CurrencyUnit(upper, minor.Major, minor.PerMajor) : new CurrencyUnit(upper, upper, 1);
    }

    /// <summary>The major ISO code of <paramref name="code"/> (GBP for GBp), or the code upper-cased when it is not one.</summary>
    public static string MajorOf(string code) => Parse(code)?.Major ?? code.Trim().ToUpperInvariant();

    /// <summary>Units of <paramref name="code"/> in one of its major currency (100 for GBp), 1 when it is not a minor unit.</summary>
    public static double PerMajorOf(string? code) => Parse(code)?.PerMajor ?? 1;

    public override string ToString() => Code;
}
