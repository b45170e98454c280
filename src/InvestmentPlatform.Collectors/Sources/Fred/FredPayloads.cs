namespace InvestmentPlatform.Collectors.Sources.Fred;

internal sealed record FredObservationsResponse(int Count, int Offset, int Limit, List<FredObservation>? Observations);

internal sealed record FredObservation(string? Date, string? Value, string? Realtime_Start = null, string? Realtime_End = null);

internal sealed record FredSeriesResponse(List<FredSeries>? Seriess);

internal sealed record FredSeries(
    string? Id,
    string? Title,
    string? Frequency,
    string? Frequency_Short,
    string? Units,
    string? Units_Short,
    string? Seasonal_Adjustment_Short,
    string? Last_Updated);

/// <summary>FRED's error body: <c>{"error_code":400,"error_message":"Bad Request.  ..."}</c>.</summary>
internal sealed record FredError(int? Error_Code, string? Error_Message);
