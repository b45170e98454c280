using System.Diagnostics;
using InvestmentPlatform.Collectors.Bench;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Sources.Coinbase;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Collectors.Sources.Fred;
using InvestmentPlatform.Collectors.Sources.Synthetic;
using InvestmentPlatform.Collectors.Sources.Yahoo;
using InvestmentPlatform.Collectors.Validation;
using Microsoft.Extensions.Options;

// Parse-and-validate throughput for a 100,000-candle payload per source, in rows per second.
const int Candles = 100_000;
const int Runs = 5;
var end = Payloads.Start.AddYears(400);

var yahoo = Payloads.Yahoo(Candles);
var coinbase = Payloads.Coinbase(Candles);
var fred = Payloads.Fred(Candles);
var csvFile = Payloads.Csv(Candles);

int Validate(IReadOnlyList<InvestmentPlatform.Contracts.Ingestion.SeriesRow> rows) =>
    new RowValidator(Payloads.Start, end).Validate(rows).Valid.Count;

async Task<int> Collect(ICollector collector, CollectorRequest request)
{
    var rows = 0;
    await foreach (var batch in collector.CollectAsync(request))
        rows += batch.Rows.Count;
    return rows;
}

var cases = new (string Name, string Payload, Func<Task<int>> Run)[]
{
    ("yahoo", $"{yahoo.Length / 1024.0 / 1024:0.0} MB chart JSON", () => Task.FromResult(Validate(YahooChartParser.Parse(yahoo, "BENCH", null, "1m").Rows))),
    ("coinbase", $"{coinbase.Length / 1024.0 / 1024:0.0} MB candles JSON", () => Task.FromResult(Validate(CoinbaseParser.Parse(coinbase).Rows))),
    ("fred", $"{fred.Length / 1024.0 / 1024:0.0} MB observations JSON, 2% '.'", () => Task.FromResult(Validate(FredParser.ParseObservations(fred).Rows))),
    ("csv", $"{new FileInfo(csvFile).Length / 1024.0 / 1024:0.0} MB Yahoo-format file", () => Collect(new CsvCollector(new ImportFiles(Options.Create(
        new ImportOptions { Directory = Path.GetDirectoryName(csvFile), MaxFileBytes = long.MaxValue }))),
        new CollectorRequest("BENCH", null, "1m", Payloads.Start, end, new Dictionary<string, string> { ["file"] = csvFile }))),
    ("synthetic", "100,000 one-minute bars generated", () => Collect(new SyntheticCollector(),
        new CollectorRequest("BENCH", "crypto", "1m", Payloads.Start, Payloads.Start.AddMinutes(Candles)))),
    ("synthetic 1M", "1,000,000 one-minute bars generated", () => Collect(new SyntheticCollector(),
        new CollectorRequest("BENCH", "crypto", "1m", Payloads.Start, Payloads.Start.AddMinutes(1_000_000)))),
};

Console.WriteLine($"Collectors parse-and-validate throughput, {Candles:N0} candles per payload, best and median of {Runs} runs after a warm-up");
Console.WriteLine($"{"source",-13} {"rows",10} {"best rows/s",14} {"median rows/s",14}  payload");
foreach (var (name, payload, run) in cases)
{
    await run();
    var rows = 0;
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var clock = Stopwatch.StartNew();
        rows = await run();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-13} {rows,10:N0} {rows / times[0],14:N0} {rows / times[Runs / 2],14:N0}  {payload}");
}
File.Delete(csvFile);
