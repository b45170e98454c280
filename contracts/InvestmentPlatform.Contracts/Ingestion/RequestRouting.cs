namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1.1 member of CollectionProgress, CollectionCompleted and CollectionFailed: where the request's events go, so a
/// subscriber need not read the request back. Absent (null) in messages from v1.0 publishers.
/// </summary>
/// <param name="RequestedBy">
/// The user the request belongs to: its submitter, or for a scheduler run the job's owner. Null for a command-line
/// request (everyone's), or for a job without an owner (admins').
/// </param>
/// <param name="AssetType">
/// The asset type the event is about: the symbol's when the event names a stored symbol, else the request's; null when
/// neither is known.
/// </param>
/// <param name="Symbols">
/// v1.2: the symbols the event concerns, for asset:{symbol} watchers: the one it names, or all the request's. Null from
/// v1.1 publishers.
/// </param>
/// <param name="AssetTypes">
/// v1.2: the asset types the event concerns, for assetType:{type} watchers: the symbol's stored type, else the
/// request's, else each of its stored symbols' (a request that names no type may span several). Null from v1.1 publishers.
/// </param>
public record RequestRouting(string? RequestedBy, string? AssetType, IReadOnlyList<string>? Symbols = null, IReadOnlyList<string>? AssetTypes = null);
