namespace InvestmentPlatform.Contracts.Trading;

/// <summary>
/// v1. How far a replay got: published while it runs (bar times worked so far) and once more, through the outbox with
/// the stored result, when it succeeded or failed.
/// </summary>
/// <param name="ReplayId">The replay.</param>
/// <param name="AccountId">The paper account.</param>
/// <param name="OwnerId">Who asked for it: the only user told.</param>
/// <param name="Status">running, succeeded or failed.</param>
/// <param name="Done">Bar times worked so far.</param>
/// <param name="Total">Bar times in the range.</param>
/// <param name="Fills">Fills made so far.</param>
/// <param name="Error">Why it failed, in words a user can act on.</param>
/// <param name="Timestamp">When this was reported, UTC.</param>
public record ReplayProgress(Guid ReplayId, Guid AccountId, string OwnerId, string Status, int Done, int Total, int Fills, string? Error,
    DateTime Timestamp);
