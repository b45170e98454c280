namespace InvestmentPlatform.Analytics.Portfolio;

public static class TransactionTypes
{
    public const string Buy = "buy";
    public const string Sell = "sell";
    public const string Dividend = "dividend";
    public const string Interest = "interest";
    public const string Fee = "fee";
    public const string Deposit = "deposit";
    public const string Withdrawal = "withdrawal";
    public const string Split = "split";

    public static readonly IReadOnlyList<string> All = [Buy, Sell, Dividend, Interest, Fee, Deposit, Withdrawal, Split];

    /// <summary>Types that name an asset.</summary>
    public static bool NeedsAsset(string type) => type is Buy or Sell or Dividend or Split;

    /// <summary>Types whose size is a quantity (shares, or the split ratio) rather than a cash amount.</summary>
    public static bool HasQuantity(string type) => type is Buy or Sell or Split;
}

public static class CostBasisMethods
{
    public const string Fifo = "fifo";
    public const string Average = "average";

    public static bool IsKnown(string? method) => method is Fifo or Average;
}
