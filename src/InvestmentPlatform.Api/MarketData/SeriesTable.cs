using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// How one series table maps onto the bar shape. Names come from this fixed list only, so they are safe to put in SQL;
/// every value from a request goes in as a parameter.
/// </summary>
public sealed record SeriesTable(string Name, string Open, string High, string Low, string Close, string AdjClose, string Volume, bool HasEvents)
{
    public static readonly SeriesTable MarketData = new("market_data", "open", "high", "low", "close", "adj_close", "volume", true);
    public static readonly SeriesTable Forex = new("forex_rates", "open", "high", "low", "close", "NULL", "NULL", false);
    public static readonly SeriesTable Bonds = new("bond_rates", "rate", "rate", "rate", "rate", "NULL", "NULL", false);
    public static readonly SeriesTable Economic = new("economic_data", "value", "value", "value", "value", "NULL", "NULL", false);

    public static SeriesTable For(string assetType) => SeriesTables.For(assetType) switch
    {
        "forex_rates" => Forex,
        "bond_rates" => Bonds,
        "economic_data" => Economic,
        _ => MarketData,
    };
}
