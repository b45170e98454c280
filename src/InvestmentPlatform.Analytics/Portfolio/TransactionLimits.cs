namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>
/// Sizes a transaction may have, so that every sum, product and split the ledger and the analytics compute from a
/// portfolio stays a finite number: amounts, fees, quantities, prices and quantity × price at most 1e15.
/// </summary>
public static class TransactionLimits
{
    public const double MaxMagnitude = 1e15;

    /// <summary>Lines of one CSV import.</summary>
    public const int MaxImportLines = 10_000;

    /// <summary>A split multiplies every lot; its ratio is kept to what a real split can be.</summary>
    public const double MaxSplitRatio = 1_000;

    public static void Check(string type, double quantity, double price, double amount, double fee)
    {
        if (Math.Abs(amount) > MaxMagnitude || Math.Abs(fee) > MaxMagnitude || Math.Abs(quantity) > MaxMagnitude ||
            Math.Abs(price) > MaxMagnitude || Math.Abs(quantity * price) > MaxMagnitude)
            throw AnalyticsException.Unprocessable("amount",
                $"Amounts, fees, quantities, prices and quantity × price must be at most {MaxMagnitude:0e0} in size.");
        if (type == TransactionTypes.Split && (quantity > MaxSplitRatio || quantity < 1 / MaxSplitRatio))
            throw AnalyticsException.Unprocessable("quantity", $"A split ratio must be between 1/{MaxSplitRatio:0} and {MaxSplitRatio:0}.");
    }
}
