namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>
/// Which stored pairs turn one currency into another: the pair itself or its inverse, else through USD, then through
/// EUR (the two currencies most pairs are quoted against).
/// </summary>
public static class CurrencyRoutes
{
    public static readonly IReadOnlyList<string> Hubs = ["USD", "EUR"];

    /// <returns>The pairs to multiply by in order, each with whether it is divided by; null when there is no route.</returns>
    public static IReadOnlyList<(T Pair, bool Invert)>? Find<T>(IReadOnlyCollection<T> stored, Func<T, FxPair> pairOf, string from, string to)
    {
        if (from == to)
            return [];
        if (Leg(stored, pairOf, from, to) is { } direct)
            return [direct];
        foreach (var hub in Hubs.Where(h => h != from && h != to))
            if (Leg(stored, pairOf, from, hub) is { } first && Leg(stored, pairOf, hub, to) is { } second)
                return [first, second];
        return null;
    }

    /// <summary>What the caller could store to make a route, for the 422 message.</summary>
    public static string Wanted(string from, string to) =>
        $"{from}{to}=X (or {to}{from}=X), or pairs through {string.Join(" or ", Hubs.Where(h => h != from && h != to).Select(h => $"{h} ({from}{h}=X and {h}{to}=X)"))}";

    private static (T, bool)? Leg<T>(IReadOnlyCollection<T> stored, Func<T, FxPair> pairOf, string from, string to)
    {
        foreach (var candidate in stored)
            if (pairOf(candidate) is var p && p.Base == from && p.Quote == to)
                return (candidate, false);
        foreach (var candidate in stored)
            if (pairOf(candidate) is var p && p.Base == to && p.Quote == from)
                return (candidate, true);
        return null;
    }
}
