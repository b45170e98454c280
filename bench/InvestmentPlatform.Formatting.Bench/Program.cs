using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Formatting.Bench;

// The bars endpoint's number formatting, timed on a year of minute bars of a realistic mix of series:
// ShortestDouble (Ryu) against .NET's own UTF-8 double.TryFormat, per value and per kind of series, then whole rows
// through BarText as the endpoint writes them. Ryu stays only while it is more than 1.5x faster (docs/architecture.md).
var rows = int.TryParse(Environment.GetEnvironmentVariable("IP_FMT_BENCH_ROWS"), out var r) ? r : 525_600;
var runs = int.TryParse(Environment.GetEnvironmentVariable("IP_FMT_BENCH_RUNS"), out var n) ? n : 9;
const int Warmup = 2;

var (bars, barKinds) = RealisticBars.Generate(rows);
var (values, valueKinds) = Flatten(bars, barKinds);
Console.WriteLine($"{rows:N0} bars, {values.Length:N0} numbers; {runs} runs after {Warmup} warm-up, median [min-max]; " +
    $"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

CompareText(values, valueKinds);

Console.WriteLine();
// On a shared machine the fastest runs are the least disturbed, so their ratio is printed beside the median one.
Console.WriteLine($"{"per number",-24} {"Ryu ns",18} {"framework ns",18} {"framework/Ryu",20} {"fastest",8}");
PrintPair("all", values);
for (var kind = 0; kind < RealisticBars.KindNames.Count; kind++)
    PrintPair(RealisticBars.KindNames[kind], [.. values.Where((_, i) => valueKinds[i] == kind)]);

Console.WriteLine();
Console.WriteLine("Whole rows through BarText (whichever formatter it uses):");
PrintRows("JSON", (reader, destination) => BarText.WriteJson(reader, destination));
PrintRows("CSV", (reader, destination) => BarText.WriteCsv(reader, destination));
return 0;

void PrintPair(string name, double[] subset)
{
    var ryu = new List<double>();
    var framework = new List<double>();
    for (var i = 0; i < Warmup + runs; i++)
    {
        // Alternate so both see the same machine load.
        var a = NsPerValue<RyuFormatter>(subset);
        var b = NsPerValue<FrameworkFormatter>(subset);
        if (i < Warmup)
            continue;
        ryu.Add(a);
        framework.Add(b);
    }
    var ratios = ryu.Zip(framework, (a, b) => b / a).ToList();
    Console.WriteLine($"{name,-24} {Spread(ryu),18} {Spread(framework),18} {Median(ratios),6:F2}x [{ratios.Min():F2}-{ratios.Max():F2}] {framework.Min() / ryu.Min(),7:F2}x");
}

void PrintRows(string format, Func<System.Data.Common.DbDataReader, Span<byte>, int> write)
{
    var times = new List<double>();
    long bytes = 0;
    for (var i = 0; i < Warmup + runs; i++)
    {
        var (ns, size) = NsPerRow(bars, write);
        if (i >= Warmup)
            times.Add(ns);
        bytes = size;
    }
    Console.WriteLine($"  {format,-5} {Spread(times)} ns/row, {bytes / 1024.0 / 1024.0:F1} MiB");
}

// Formats every value into a 64 KiB buffer reused like the response pipe's segments.
static double NsPerValue<TFormatter>(double[] subset) where TFormatter : INumberFormatter
{
    var buffer = new byte[65_536];
    var pos = 0;
    var clock = Stopwatch.StartNew();
    foreach (var value in subset)
    {
        if (pos > buffer.Length - 64)
            pos = 0;
        TFormatter.TryFormat(value, buffer.AsSpan(pos), out var written);
        pos += written + 1;
    }
    return clock.Elapsed.TotalNanoseconds / subset.Length;
}

static (double NsPerRow, long Bytes) NsPerRow(Bar[] bars, Func<System.Data.Common.DbDataReader, Span<byte>, int> write)
{
    var buffer = new byte[65_536];
    var reader = new BarRowsReader(bars);
    var pos = 0;
    long total = 0;
    var clock = Stopwatch.StartNew();
    while (reader.Read())
    {
        if (pos > buffer.Length - BarText.MaxRowLength)
        {
            total += pos;
            pos = 0;
        }
        pos += write(reader, buffer.AsSpan(pos));
    }
    return (clock.Elapsed.TotalNanoseconds / bars.Length, total + pos);
}

// Both must write the same text, or the API's output would change with the switch; a difference is shown and checked
// to be a JSON number that reads back to the same double.
static void CompareText(double[] values, int[] kinds)
{
    var ryu = new byte[64];
    var framework = new byte[64];
    var differences = new int[RealisticBars.KindNames.Count];
    var examples = new List<string>();
    var invalid = 0;
    for (var i = 0; i < values.Length; i++)
    {
        RyuFormatter.TryFormat(values[i], ryu, out var a);
        FrameworkFormatter.TryFormat(values[i], framework, out var b);
        if (ryu.AsSpan(0, a).SequenceEqual(framework.AsSpan(0, b)))
            continue;
        differences[kinds[i]]++;
        if (!IsSameJsonNumber(framework.AsSpan(0, b), values[i]))
            invalid++;
        if (examples.Count < 5)
            examples.Add($"{Encoding.ASCII.GetString(ryu, 0, a)} vs {Encoding.ASCII.GetString(framework, 0, b)}");
    }
    Console.WriteLine($"Text differences Ryu vs framework: {differences.Sum():N0} of {values.Length:N0} numbers; " +
        $"framework text not a JSON number reading back the same: {invalid}");
    for (var kind = 0; kind < differences.Length; kind++)
    {
        if (differences[kind] > 0)
            Console.WriteLine($"  {RealisticBars.KindNames[kind]}: {differences[kind]:N0}");
    }
    foreach (var example in examples)
        Console.WriteLine($"  e.g. {example}");
}

static bool IsSameJsonNumber(ReadOnlySpan<byte> text, double value)
{
    try
    {
        var reader = new Utf8JsonReader(text);
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.GetDouble() == value
            && double.Parse(Encoding.ASCII.GetString(text), CultureInfo.InvariantCulture) == value;
    }
    catch (JsonException)
    {
        return false;
    }
}

static (double[] Values, int[] Kinds) Flatten(Bar[] bars, int[] barKinds)
{
    var values = new List<double>(bars.Length * 6);
    var kinds = new List<int>(bars.Length * 6);
    for (var i = 0; i < bars.Length; i++)
    {
        var bar = bars[i];
        foreach (var value in new[] { bar.Open, bar.High, bar.Low, bar.Close, bar.AdjClose, bar.Volume })
        {
            if (value is { } v)
            {
                values.Add(v);
                kinds.Add(barKinds[i]);
            }
        }
    }
    return ([.. values], [.. kinds]);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string Spread(List<double> ns) => $"{Median(ns),6:F1} [{ns.Min():F1}-{ns.Max():F1}]";
