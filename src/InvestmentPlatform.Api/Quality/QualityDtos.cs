using InvestmentPlatform.Data.Quality;

namespace InvestmentPlatform.Api.Quality;

public sealed record FindingDto(
    long Id, string Symbol, string Interval, string Kind, DateTime BarTime, string Severity, string Detail, int Bars,
    bool Quarantined, string Status, string? DecidedBy, DateTime? DecidedAt, DateTime FoundAt)
{
    public static FindingDto From(QualityFinding f, string symbol) =>
        new(f.Id, symbol, f.Interval, f.Kind, f.BarTime, f.Severity, f.Detail, f.Bars, f.Quarantined, f.Status, f.DecidedBy, f.DecidedAt, f.FoundAt);
}

public sealed record SeriesQualityDto(
    string Symbol, string AssetType, string Interval, double Score, double Coverage, double Sanity, double Freshness,
    long ExpectedBars, long MissingBars, long StoredBars, long SuspectBars, int OpenFindings, DateTime? LastBar,
    string Calendar, DateTime CheckedAt, IReadOnlyList<FindingDto> Findings);

public sealed record AssetQualityDto(string Symbol, IReadOnlyList<SeriesQualityDto> Series);

