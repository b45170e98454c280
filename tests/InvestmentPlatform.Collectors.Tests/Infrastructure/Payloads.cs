using System.Globalization;
using System.Text;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

/// <summary>Provider answers in their real shapes.</summary>
public static class Payloads
{
    private static string N(double? v) => v is { } d ? d.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Arr(IEnumerable<double?> values) => "[" + string.Join(",", values.Select(N)) + "]";

    public static long Unix(DateTime t) => (long)(t - DateTime.UnixEpoch).TotalSeconds;

    public record Bar(DateTime Time, double? Open, double? High, double? Low, double? Close, double? Volume, double? Adj = null);

    public static string YahooChart(string symbol, IReadOnlyList<Bar> bars, string currency = "USD", string instrument = "EQUITY",
        string timezone = "America/New_York", long gmtoffset = -18000, string events = "")
    {
        var timestamps = bars.Count == 0 ? "" : $"\"timestamp\":[{string.Join(",", bars.Select(b => Unix(b.Time)))}],";
        var eventsJson = events.Length > 0 ? $"\"events\":{{{events}}}," : "";
        return $$$"""
            {"chart":{"result":[{"meta":{"currency":"{{{currency}}}","symbol":"{{{symbol}}}","exchangeName":"NMS","fullExchangeName":"NasdaqGS",
            "instrumentType":"{{{instrument}}}","firstTradeDate":345479400,"regularMarketTime":1704920401,"hasPrePostMarketData":true,
            "gmtoffset":{{{gmtoffset}}},"timezone":"EST","exchangeTimezoneName":"{{{timezone}}}","regularMarketPrice":185.59,
            "longName":"{{{symbol}}} Inc.","shortName":"{{{symbol}}}","priceHint":2,"dataGranularity":"1d","range":"",
            "validRanges":["1d","5d","1mo","3mo","6mo","1y","2y","5y","10y","ytd","max"]},
            {{{timestamps}}}{{{eventsJson}}}
            "indicators":{"quote":[{"open":{{{Arr(bars.Select(b => b.Open))}}},"high":{{{Arr(bars.Select(b => b.High))}}},
            "low":{{{Arr(bars.Select(b => b.Low))}}},"close":{{{Arr(bars.Select(b => b.Close))}}},"volume":{{{Arr(bars.Select(b => b.Volume))}}}}],
            "adjclose":[{"adjclose":{{{Arr(bars.Select(b => b.Adj ?? b.Close))}}}}]}}],"error":null}}
            """;
    }

    public static string YahooError(string code, string description) =>
        "{\"chart\":{\"result\":null,\"error\":{\"code\":\"" + code + "\",\"description\":\"" + description + "\"}}}";

    public static string CoinbaseCandles(IEnumerable<Bar> bars)
    {
        var sb = new StringBuilder("{\"candles\":[");
        sb.AppendJoin(",", bars.OrderByDescending(b => b.Time).Select(b =>
            $$"""{"start":"{{Unix(b.Time)}}","low":"{{N(b.Low)}}","high":"{{N(b.High)}}","open":"{{N(b.Open)}}","close":"{{N(b.Close)}}","volume":"{{N(b.Volume)}}"}"""));
        return sb.Append("]}").ToString();
    }

    public static string CoinbaseError(string error, string message) =>
        $$"""{"error":"{{error}}","error_details":"{{message}}","message":"{{message}}"}""";

    public static string FredSeries(string id, string title, string frequency, string units) => $$"""
        {"realtime_start":"2024-06-01","realtime_end":"2024-06-01","seriess":[{"id":"{{id}}","realtime_start":"2024-06-01",
        "realtime_end":"2024-06-01","title":"{{title}}","observation_start":"1962-01-02","observation_end":"2024-05-30",
        "frequency":"{{frequency}}","frequency_short":"D","units":"{{units}}","units_short":"%","seasonal_adjustment":"Not Seasonally Adjusted",
        "seasonal_adjustment_short":"NSA","last_updated":"2024-05-31 15:18:02-05","popularity":94,"notes":"Treasury yields"}]}
        """;

    /// <summary>
    /// Observations as FRED answers a request over all real time: each published value with its real-time period,
    /// the current one ending 9999-12-31. Unrevised observations are one value published on their date.
    /// </summary>
    public static string FredObservations(IReadOnlyList<(string Date, string Value)> observations) =>
        FredVintages(observations.Select(o => (o.Date, o.Value, o.Date, "9999-12-31")).ToList());

    public static string FredVintages(IReadOnlyList<(string Date, string Value, string RealtimeStart, string RealtimeEnd)> observations) => $$"""
        {"realtime_start":"1776-07-04","realtime_end":"9999-12-31","observation_start":"2024-01-01","observation_end":"2024-01-31",
        "units":"lin","output_type":1,"file_type":"json","order_by":"observation_date","sort_order":"asc","count":{{observations.Count}},
        "offset":0,"limit":100000,"observations":[{{string.Join(",", observations.Select(o =>
            $$"""{"realtime_start":"{{o.RealtimeStart}}","realtime_end":"{{o.RealtimeEnd}}","date":"{{o.Date}}","value":"{{o.Value}}"}"""))}}]}
        """;

    public static string FredError(int code, string message) => $$"""{"error_code":{{code}},"error_message":"{{message}}"}""";
}
