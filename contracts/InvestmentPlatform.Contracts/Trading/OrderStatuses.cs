namespace InvestmentPlatform.Contracts.Trading;

/// <summary>The states of a paper order, as they travel in <see cref="OrderFilled.Status"/> and the API.</summary>
public static class OrderStatuses
{
    /// <summary>Stored, not yet checked.</summary>
    public const string New = "new";
    /// <summary>Passed the pre-trade checks; working, nothing filled yet.</summary>
    public const string Accepted = "accepted";
    /// <summary>Refused by a pre-trade check; final.</summary>
    public const string Rejected = "rejected";
    /// <summary>Some units filled, the rest still working.</summary>
    public const string PartiallyFilled = "partially_filled";
    /// <summary>Every unit filled; final.</summary>
    public const string Filled = "filled";
    /// <summary>Cancelled by its owner, or the unfilled rest of an immediate-or-cancel order; final.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>A day order whose session ended; final.</summary>
    public const string Expired = "expired";

    /// <summary>States in which an order can still fill.</summary>
    public static bool IsWorking(string status) => status is Accepted or PartiallyFilled;
}
