namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>Which column holds what, found from the header line.</summary>
internal sealed record CsvLayout(
    string Format,
    int Date,
    int? Time,
    int? Open,
    int? High,
    int? Low,
    int Close,
    int? AdjClose,
    int? Volume,
    int? Dividends,
    int? Splits,
    string? DateFormat)
{
    /// <summary>
    /// Yahoo downloads: Date,Open,High,Low,Close,Adj Close,Volume. Stooq: Date,Open,High,Low,Close,Volume (daily
    /// download) or &lt;TICKER&gt;,&lt;PER&gt;,&lt;DATE&gt;,&lt;TIME&gt;,&lt;OPEN&gt;,... (bulk files). Anything else
    /// with a time column and a close (or value) column is generic OHLCV.
    /// </summary>
    public static CsvLayout? Detect(IReadOnlyList<string> header, out string? problem)
    {
        problem = null;
        var names = header.Select(Normalise).ToList();
        int? Find(params string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                var i = names.IndexOf(candidate);
                if (i >= 0) return i;
            }
            return null;
        }

        if (names.Contains("<date>") && names.Contains("<close>"))
            return new CsvLayout("stooq", names.IndexOf("<date>"), Find("<time>"), Find("<open>"), Find("<high>"), Find("<low>"),
                names.IndexOf("<close>"), null, Find("<vol>"), null, null, "yyyyMMdd");

        if (names is ["date", "open", "high", "low", "close", "adjclose", "volume"])
            return new CsvLayout("yahoo", 0, null, 1, 2, 3, 4, 5, 6, null, null, null);

        if (names is ["date", "open", "high", "low", "close", "volume"] or ["date", "open", "high", "low", "close"])
            return new CsvLayout("stooq", 0, null, 1, 2, 3, 4, null, names.Count > 5 ? 5 : null, null, null, null);

        var date = Find("time", "timestamp", "datetime", "date");
        var close = Find("close", "value", "price", "rate");
        if (date is null || close is null)
        {
            problem = "the header names no time/date column or no close/value column " +
                      "(expected generic OHLCV, the Yahoo download or the Stooq format)";
            return null;
        }
        var open = Find("open");
        var high = Find("high");
        var low = Find("low");
        if ((open ?? high ?? low) is not null && (open is null || high is null || low is null))
        {
            problem = "the header has some of open, high and low but not all three";
            return null;
        }
        return new CsvLayout("generic", date.Value, null, open, high, low, close.Value, Find("adjclose"),
            Find("volume", "vol"), Find("dividends", "dividend"), Find("stocksplits", "splits", "split"), null);
    }

    private static string Normalise(string name) =>
        new string(name.Trim().Trim('"').ToLowerInvariant().Where(c => c != ' ' && c != '_' && c != '-').ToArray());
}
