using System.Text.RegularExpressions;

namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>A stored currency pair: the price of one <paramref name="Base"/> in <paramref name="Quote"/>.</summary>
public sealed partial record FxPair(string Base, string Quote)
{
    /// <summary>
    /// Reads a pair from a symbol: Yahoo's EURUSD=X (one EUR in USD) and its short JPY=X (one USD in JPY), or a plain
    /// EURUSD or EUR/USD as CSV uploads name them.
    /// </summary>
    public static FxPair? FromSymbol(string symbol)
    {
        var match = PairSymbol().Match(symbol.Trim().ToUpperInvariant());
        if (!match.Success)
            return null;
        return match.Groups["quote"].Success
            ? new FxPair(match.Groups["base"].Value, match.Groups["quote"].Value)
            : new FxPair("USD", match.Groups["base"].Value);
    }

    public override string ToString() => $"{Base}{Quote}";

    [GeneratedRegex("^(?:(?<base>[A-Z]{3})/?(?<quote>[A-Z]{3})(?:=X)?|(?<base>[A-Z]{3})=X)$")]
    private static partial Regex PairSymbol();
}
