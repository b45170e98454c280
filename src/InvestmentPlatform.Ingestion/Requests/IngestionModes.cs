namespace InvestmentPlatform.Ingestion.Requests;

public static class IngestionModes
{
    public const string Batch = "batch";
    public const string Incremental = "incremental";
}
