namespace InvestmentPlatform.Collectors.Sources.Yahoo;

/// <summary>The parts of Yahoo's /v8/finance/chart answer the collector reads.</summary>
internal sealed record YahooChartResponse(YahooChart? Chart, YahooChart? Finance);

internal sealed record YahooChart(List<YahooResult>? Result, YahooError? Error);

internal sealed record YahooError(string? Code, string? Description);

internal sealed record YahooResult(YahooMeta? Meta, long[]? Timestamp, YahooEvents? Events, YahooIndicators? Indicators);

internal sealed record YahooMeta(
    string? Currency,
    string? Symbol,
    string? ExchangeName,
    string? FullExchangeName,
    string? InstrumentType,
    string? ExchangeTimezoneName,
    long? Gmtoffset,
    string? LongName,
    string? ShortName,
    int? PriceHint = null);

internal sealed record YahooIndicators(List<YahooQuote>? Quote, List<YahooAdjClose>? Adjclose);

internal sealed record YahooQuote(double?[]? Open, double?[]? High, double?[]? Low, double?[]? Close, double?[]? Volume);

internal sealed record YahooAdjClose(double?[]? Adjclose);

internal sealed record YahooEvents(Dictionary<string, YahooDividend>? Dividends, Dictionary<string, YahooSplit>? Splits);

internal sealed record YahooDividend(double Amount, long Date);

internal sealed record YahooSplit(long Date, double Numerator, double Denominator, string? SplitRatio);
