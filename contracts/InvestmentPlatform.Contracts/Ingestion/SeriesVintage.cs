namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// One value of an observation as it was published: ALFRED's real-time period. A revision is a new vintage with a
/// later <paramref name="ValidFrom"/>; the one it replaces gets a <paramref name="ValidTo"/>.
/// </summary>
/// <param name="Time">The observation's date (UTC midnight), as the series' bars are dated.</param>
/// <param name="ValidFrom">First day this value was the published one (realtime_start).</param>
/// <param name="ValidTo">Last day it was (realtime_end, inclusive); null while it still is.</param>
/// <param name="Value">The value published for the observation during that period.</param>
public record SeriesVintage(DateTime Time, DateTime ValidFrom, DateTime? ValidTo, double Value);
