namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>
/// A load for an asset that no longer exists: its rows are not stored. The series tables have no foreign key to
/// assets; each writer checks the asset once per load, inside the load's transaction, instead of once per row.
/// </summary>
public sealed class UnknownAssetException(long assetId)
    : InvalidOperationException($"Asset {assetId} does not exist (deleted while its rows were collected?): its rows are not stored.");
