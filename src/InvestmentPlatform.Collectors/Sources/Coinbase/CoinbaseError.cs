namespace InvestmentPlatform.Collectors.Sources.Coinbase;

/// <summary>Coinbase's error body: <c>{"error":"NOT_FOUND","error_details":"...","message":"..."}</c>.</summary>
internal sealed record CoinbaseError(string? Error, string? Error_Details, string? Message);
