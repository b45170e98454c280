namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>One transaction as the ledger replays it.</summary>
/// <param name="Quantity">Shares for buy and sell; new shares per old share for split (2 for a 2-for-1).</param>
/// <param name="Amount">Cash for dividend, interest, fee, deposit and withdrawal (a dividend's total, not per share).</param>
/// <param name="Fee">Trading or withholding cost, in <paramref name="Currency"/>.</param>
public sealed record LedgerEntry(
    string Type,
    long? AssetId,
    string? Symbol,
    DateTime Time,
    double Quantity,
    double Price,
    double Amount,
    double Fee,
    string Currency);
