using InvestmentPlatform.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Api.MarketData;

namespace InvestmentPlatform.Api.Bench;

public sealed record BarRow(DateTime Time, double Open, double High, double Low, double Close, double? AdjClose, double? Volume);

/// <summary>The bench's correctness check: the API's rows, parsed from its JSON or CSV body, against the direct query's.</summary>
public static class BarRows
{
    public static async Task<List<BarRow>> ReadDirectAsync(SeriesConnections connections, BarsPlan plan)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var timescale = await connections.HasTimescaleAsync(connection, CancellationToken.None);
        await using var cmd = BarsSql.Build(connection, connections.Provider, timescale, plan);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<BarRow>();
        while (await reader.ReadAsync())
            rows.Add(new BarRow(reader.GetUtc(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetNullableDouble(5), reader.GetNullableDouble(6)));
        return rows;
    }

    /// <summary>The bars of a JSON body; the assets carry no priceDecimals, so the API must not have rounded.</summary>
    public static List<BarRow> ParseJson(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("priceDecimals").ValueKind != JsonValueKind.Null)
            throw new BenchFailure($"the answer has priceDecimals {root.GetProperty("priceDecimals")}: its prices are rounded, so they cannot equal the stored ones");
        var rows = new List<BarRow>();
        foreach (var bar in root.GetProperty("bars").EnumerateArray())
            rows.Add(new BarRow(bar.GetProperty("time").GetDateTime(), bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(),
                bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble(), Nullable(bar.GetProperty("adjClose")), Nullable(bar.GetProperty("volume"))));
        return rows;

        static double? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
    }

    public static List<BarRow> ParseCsv(byte[] body)
    {
        var lines = Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines[0] != "time,open,high,low,close,adjClose,volume")
            throw new BenchFailure($"unexpected CSV header '{lines[0]}'");
        return lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new BarRow(DateTime.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), Number(f[1])!.Value, Number(f[2])!.Value,
                Number(f[3])!.Value, Number(f[4])!.Value, Number(f[5]), Number(f[6]));
        }).ToList();

        static double? Number(string s) => s.Length == 0 ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Same count, and every row equal: times to the tick and prices as the same double, which holds only when the API
    /// wrote every digit (shortest round-trip) and rounded nothing.
    /// </summary>
    public static void AssertEqual(string what, IReadOnlyList<BarRow> direct, IReadOnlyList<BarRow> api)
    {
        if (direct.Count == 0)
            throw new BenchFailure($"{what}: the direct query returned no rows");
        if (api.Count != direct.Count)
            throw new BenchFailure($"{what}: the API returned {api.Count:N0} rows, the direct query {direct.Count:N0}");
        for (var i = 0; i < direct.Count; i++)
        {
            if (direct[i] != api[i] || direct[i].Time.Kind != api[i].Time.Kind)
                throw new BenchFailure($"{what}: row {i} differs: direct {direct[i]}, API {api[i]}");
        }
        Console.WriteLine($"  check {what}: {api.Count:N0} rows, every time and price equal to the direct query's");
    }
}

/// <summary>The API answered something other than what the database holds: the bench fails, whatever the timings.</summary>
public sealed class BenchFailure(string message) : Exception(message);
