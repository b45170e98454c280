namespace InvestmentPlatform.Contracts.Trading;

/// <summary>
/// v1. Run the stored replay <paramref name="ReplayId"/> (a paper_replays row holding its orders and date range).
/// Published through the outbox in the transaction that stored the row.
/// </summary>
/// <param name="ReplayId">The paper_replays row.</param>
/// <param name="AccountId">The paper account whose costs and settings the replay uses.</param>
/// <param name="OwnerId">The user who asked for it: the only one told of its progress.</param>
/// <param name="RequestedAt">When it was asked for, UTC.</param>
public record ReplayRequested(Guid ReplayId, Guid AccountId, string OwnerId, DateTime RequestedAt);
