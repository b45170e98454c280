using InvestmentPlatform.Calendars;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading.Calendars;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Risk;

/// <summary>Why an order was refused: the check's name (as in <see cref="OrderRejected.Check"/>) and a sentence.</summary>
public sealed record RiskRejection(string Check, string Reason);

public static class RiskChecks
{
    public const string Quantity = "quantity";
    public const string UnknownSymbol = "unknown_symbol";
    public const string NoData = "no_data";
    public const string Fractional = "fractional";
    public const string MarketClosed = "market_closed";
    public const string ShortSelling = "short_selling";
    public const string MaxNotional = "max_notional";
    public const string BuyingPower = "buying_power";
    public const string MaxPosition = "max_position";
}

/// <summary>What the checks need to know about the order's asset at submission.</summary>
/// <param name="LastClose">Close of the latest stored bar in the account's interval, null when there is none.</param>
public sealed record OrderMarket(Asset? Asset, double? LastClose);

/// <summary>
/// The checks an order passes before it is accepted, in this order: quantity, symbol, data, fractional units, market
/// hours (market orders), shorting, maximum notional, buying power, maximum position. The order is priced at its
/// limit (limit, stop-limit), its stop (stop) or the latest close plus slippage (market), in the base currency.
/// Buying power is cash plus (leverage − 1) × equity when margin is enabled, less what open buy orders reserve; a
/// short sale needs buying power for its full notional.
/// </summary>
public sealed class PreTradeRisk(PlatformDbContext db, HoldingsService holdings)
{
    public async Task<RiskRejection?> CheckAsync(PortfolioAccount portfolio, PaperAccount account, PaperOrder order, OrderMarket market,
        DateTime now, CancellationToken ct)
    {
        if (!double.IsFinite(order.Quantity) || order.Quantity <= 0)
            return new(RiskChecks.Quantity, $"Quantity must be a positive, finite number of units; got {order.Quantity}.");
        if (market.Asset is not { } asset || asset.AssetType is AssetTypes.Bond or AssetTypes.EconomicIndicator or AssetTypes.Forex)
            return new(RiskChecks.UnknownSymbol, market.Asset is null
                ? $"Unknown symbol '{order.Symbol}'."
                : $"'{order.Symbol}' is a {market.Asset.AssetType} series; paper orders trade stocks, crypto and commodities.");
        if (market.LastClose is not { } close)
            return new(RiskChecks.NoData, $"No {account.Interval} bars are stored for '{order.Symbol}'; collect its data first.");
        if (asset.AssetType != AssetTypes.Crypto && order.Quantity != Math.Floor(order.Quantity))
            return new(RiskChecks.Fractional, $"'{order.Symbol}' is a {asset.AssetType}; only crypto trades in fractional units.");
        var calendar = ExchangeCalendars.ForAsset(asset.AssetType, asset.Exchange, asset.Symbol);
        if (order.Type == OrderTypes.Market && !calendar.IsOpen(now))
            return new(RiskChecks.MarketClosed, $"{calendar.Code} is closed at {now:yyyy-MM-dd HH:mm} UTC; a market order needs an open market (use a limit order).");

        var report = await holdings.GetAsync(portfolio.Id, now, ct);
        var held = report.Holdings.FirstOrDefault(h => h.Symbol == asset.Symbol)?.Quantity ?? 0;
        var open = await db.PaperOrders.AsNoTracking()
            .Where(o => o.AccountId == portfolio.Id && o.Id != order.Id && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled))
            .Select(o => new { o.AssetId, o.Side, o.Type, Remaining = o.Quantity - o.FilledQuantity, o.LimitPrice, o.StopPrice })
            .ToListAsync(ct);
        var buy = order.Side == OrderSides.Buy;
        var selling = open.Where(o => o.AssetId == asset.AssetId && o.Side == OrderSides.Sell).Sum(o => o.Remaining);
        if (!buy && !portfolio.AllowShort && order.Quantity > held - selling + Ledger.Epsilon)
            return new(RiskChecks.ShortSelling,
                $"Selling {order.Quantity} {asset.Symbol} but only {Math.Max(0, held - selling)} is held and not already offered; shorting is not enabled for this account.");

        var fx = await FxAsync(portfolio.BaseCurrency, asset, now, ct);
        var price = Price(order.Type, order.LimitPrice, order.StopPrice, close, buy, account.SlippageBps) * fx;
        var notional = order.Quantity * price;
        if (account.MaxOrderNotional is { } max && notional > max)
            return new(RiskChecks.MaxNotional, $"The order's notional {notional:0.##} {portfolio.BaseCurrency} is above the account's maximum of {max:0.##}.");

        // Only the part that opens or adds to a long or a short position uses buying power; a sale of what is held frees it.
        var opening = buy ? order.Quantity : Math.Max(0, order.Quantity - Math.Max(0, held - selling));
        var cost = opening * price + FillModel.Fee(order.Quantity, price, 0, 0,
            new FillCosts(account.FeePerUnit * fx, account.FeeRate, account.FeeMinimum * fx, 0, 1));
        var reserved = open.Where(o => o.Side == OrderSides.Buy).Sum(o => o.Remaining * (o.LimitPrice ?? o.StopPrice ?? close) * fx);
        var margin = account.MarginEnabled ? (account.Leverage - 1) * report.TotalValue : 0;
        var buyingPower = report.Cash + margin - reserved;
        if (opening > 0 && cost > buyingPower + Ledger.Epsilon)
            return new(RiskChecks.BuyingPower,
                $"The order needs {cost:0.##} {portfolio.BaseCurrency} (with fees) but the buying power is {buyingPower:0.##} " +
                $"(cash {report.Cash:0.##}{(margin > 0 ? $" + margin {margin:0.##}" : "")}{(reserved > 0 ? $" − {reserved:0.##} held for open buy orders" : "")}).");

        var after = Math.Abs(held + (buy ? order.Quantity : -order.Quantity)) * price;
        if (report.TotalValue > 0 && after > account.MaxPositionFraction * report.TotalValue + Ledger.Epsilon)
            return new(RiskChecks.MaxPosition,
                $"The position in {asset.Symbol} would be {after:0.##} {portfolio.BaseCurrency}, {after / report.TotalValue:P1} of equity " +
                $"{report.TotalValue:0.##}; the account allows {account.MaxPositionFraction:P1}.");
        return null;
    }

    /// <summary>The price an order is checked at, in the asset's currency.</summary>
    public static double Price(string type, double? limit, double? stop, double lastClose, bool buy, double slippageBps) => type switch
    {
        OrderTypes.Limit or OrderTypes.StopLimit => limit!.Value,
        OrderTypes.Stop => stop!.Value * (1 + (buy ? 1 : -1) * slippageBps / 10_000),
        _ => lastClose * (1 + (buy ? 1 : -1) * slippageBps / 10_000),
    };

    /// <summary>Base-currency units per unit of the asset's quoted prices (a GBp price counts as GBP / 100).</summary>
    private async Task<double> FxAsync(string baseCurrency, Asset asset, DateTime now, CancellationToken ct)
    {
        var currency = asset.Currency is { } quoted ? CurrencyUnit.MajorOf(quoted) : baseCurrency;
        var ratio = 1 / CurrencyUnit.PerMajorOf(asset.Currency);
        if (currency == baseCurrency)
            return ratio;
        var book = await PriceBook.LoadAsync(db, baseCurrency, [], [currency], now, ct);
        return ratio * (book.Fx(currency, now) ?? throw Analytics.AnalyticsException.Unprocessable("symbol",
            $"No {currency} to {baseCurrency} rate is stored to value '{asset.Symbol}'."));
    }
}
