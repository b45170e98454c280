namespace InvestmentPlatform.Trading.Orders;

public static class OrderSides
{
    public const string Buy = "buy";
    public const string Sell = "sell";
    public static readonly IReadOnlyList<string> All = [Buy, Sell];
}

public static class OrderTypes
{
    public const string Market = "market";
    public const string Limit = "limit";
    public const string Stop = "stop";
    public const string StopLimit = "stop_limit";
    public static readonly IReadOnlyList<string> All = [Market, Limit, Stop, StopLimit];

    public static bool HasLimit(string type) => type is Limit or StopLimit;
    public static bool HasStop(string type) => type is Stop or StopLimit;
}

public static class TimesInForce
{
    public const string Day = "day";
    public const string GoodTillCancelled = "gtc";
    public const string ImmediateOrCancel = "ioc";
    public static readonly IReadOnlyList<string> All = [Day, GoodTillCancelled, ImmediateOrCancel];
}

/// <summary>The event rows of the audit trail: one per transition, named after the state it enters.</summary>
public static class OrderEventTypes
{
    public const string Submitted = "submitted";
    /// <summary>A split changed the order's quantity and prices; its state stays the same.</summary>
    public const string SplitAdjusted = "split_adjusted";
}
