using System.Globalization;
using System.Text;

namespace InvestmentPlatform.Collectors.Bench;

/// <summary>Large answers in each provider's format, with prices that pass validation.</summary>
internal static class Payloads
{
    public static readonly DateTime Start = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static (double Open, double High, double Low, double Close, double Volume) Bar(int i)
    {
        var open = 100 + 10 * Math.Sin(i / 50.0);
        var close = 100 + 10 * Math.Sin((i + 1) / 50.0);
        return (open, Math.Max(open, close) + 0.5, Math.Min(open, close) - 0.5, close, 1000 + i % 97);
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static long Unix(DateTime t) => (long)(t - DateTime.UnixEpoch).TotalSeconds;

    public static byte[] Yahoo(int n)
    {
        var bars = Enumerable.Range(0, n).Select(Bar).ToList();
        string Arr(Func<(double Open, double High, double Low, double Close, double Volume), double> pick) => string.Join(",", bars.Select(b => F(pick(b))));
        var sb = new StringBuilder();
        sb.Append("""{"chart":{"result":[{"meta":{"currency":"USD","symbol":"BENCH","exchangeName":"NMS","instrumentType":"EQUITY","gmtoffset":0,"exchangeTimezoneName":"UTC"},"timestamp":[""");
        sb.AppendJoin(",", Enumerable.Range(0, n).Select(i => Unix(Start.AddMinutes(i))));
        sb.Append("""],"indicators":{"quote":[{"open":[""").Append(Arr(b => b.Open)).Append("""],"high":[""").Append(Arr(b => b.High))
          .Append("""],"low":[""").Append(Arr(b => b.Low)).Append("""],"close":[""").Append(Arr(b => b.Close))
          .Append("""],"volume":[""").Append(Arr(b => b.Volume)).Append("""]}],"adjclose":[{"adjclose":[""").Append(Arr(b => b.Close))
          .Append("]}]}}],\"error\":null}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] Coinbase(int n)
    {
        var sb = new StringBuilder("{\"candles\":[");
        sb.AppendJoin(",", Enumerable.Range(0, n).Reverse().Select(i =>
        {
            var b = Bar(i);
            return $"{{\"start\":\"{Unix(Start.AddMinutes(i))}\",\"low\":\"{F(b.Low)}\",\"high\":\"{F(b.High)}\",\"open\":\"{F(b.Open)}\",\"close\":\"{F(b.Close)}\",\"volume\":\"{F(b.Volume)}\"}}";
        }));
        return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
    }

    public static byte[] Fred(int n)
    {
        var sb = new StringBuilder($"{{\"realtime_start\":\"2024-06-01\",\"realtime_end\":\"2024-06-01\",\"units\":\"lin\",\"count\":{n},\"offset\":0,\"limit\":100000,\"observations\":[");
        sb.AppendJoin(",", Enumerable.Range(0, n).Select(i =>
            $"{{\"realtime_start\":\"2024-06-01\",\"realtime_end\":\"2024-06-01\",\"date\":\"{Start.AddDays(i):yyyy-MM-dd}\",\"value\":\"{(i % 50 == 0 ? "." : F(Bar(i).Close))}\"}}"));
        return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
    }

    public static string Csv(int n)
    {
        var path = Path.Combine(Path.GetTempPath(), $"collectors-bench-{Environment.ProcessId}.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("Date,Open,High,Low,Close,Adj Close,Volume");
        for (var i = 0; i < n; i++)
        {
            var b = Bar(i);
            writer.WriteLine($"{Start.AddMinutes(i):yyyy-MM-dd HH:mm:ss},{F(b.Open)},{F(b.High)},{F(b.Low)},{F(b.Close)},{F(b.Close)},{F(b.Volume)}");
        }
        return path;
    }
}
