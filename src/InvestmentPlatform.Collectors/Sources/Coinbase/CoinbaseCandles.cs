namespace InvestmentPlatform.Collectors.Sources.Coinbase;

/// <summary>Coinbase Advanced Trade candles: every number arrives as a string, newest candle first.</summary>
internal sealed record CoinbaseCandlesResponse(List<CoinbaseCandle>? Candles);

internal sealed record CoinbaseCandle(string? Start, string? Low, string? High, string? Open, string? Close, string? Volume);

/// <summary>Coinbase's error body: <c>{"error":"NOT_FOUND","error_details":"...","message":"..."}</c>.</summary>
internal sealed record CoinbaseError(string? Error, string? Error_Details, string? Message);
