using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;

namespace InvestmentPlatform.IntegrationTests.Reports;

/// <summary>One bar read back from an exported file.</summary>
public sealed record FileBar(string? Symbol, DateTime Time, double? Open, double? High, double? Low, double? Close, double? AdjClose, double? Volume);

/// <summary>Reads exported Parquet and Arrow files back with the same libraries a notebook would use.</summary>
public sealed record ColumnarFile(IReadOnlyList<(string Name, string Type)> Schema, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<FileBar> Bars)
{
    public static async Task<ColumnarFile> ReadParquetAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var fields = reader.Schema.DataFields;
        var schema = fields.Select(f => (f.Name, f is DateTimeDataField d
            ? $"timestamp(utc={d.IsAdjustedToUTC},{d.Unit})"
            : f.ClrType == typeof(ReadOnlyMemory<char>) || f.ClrType == typeof(string) ? $"utf8{(f.IsNullable ? "?" : "")}" // a string column, however this version hands it out
            : $"{f.ClrType.Name}{(f.IsNullable ? "?" : "")}")).ToList();
        var bars = new List<FileBar>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var symbols = new string?[n];
            var symbolField = fields.FirstOrDefault(f => f.Name == "symbol");
            if (symbolField is not null)
                await group.ReadAsync(symbolField, symbols.AsMemory());
            var times = new DateTime[n];
            await group.ReadAsync<DateTime>(fields.Single(f => f.Name == "time"), times.AsMemory());
            var prices = new Dictionary<string, double?[]>();
            foreach (var name in new[] { "open", "high", "low", "close", "adj_close", "volume" })
            {
                prices[name] = new double?[n];
                await group.ReadAsync<double>(fields.Single(f => f.Name == name), prices[name].AsMemory());
            }
            for (var i = 0; i < n; i++)
                bars.Add(new FileBar(symbolField is null ? null : symbols[i], times[i], prices["open"][i], prices["high"][i],
                    prices["low"][i], prices["close"][i], prices["adj_close"][i], prices["volume"][i]));
        }
        return new ColumnarFile(schema, reader.CustomMetadata, bars);
    }

    public static async Task<ColumnarFile> ReadArrowAsync(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        var bars = new List<FileBar>();
        Apache.Arrow.Schema? schema = null;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                schema = batch.Schema;
                var symbol = schema.GetFieldIndex("symbol") is var s and >= 0 ? (StringArray)batch.Column(s) : null;
                var time = (TimestampArray)batch.Column("time");
                DoubleArray Price(string name) => (DoubleArray)batch.Column(name);
                for (var i = 0; i < batch.Length; i++)
                    bars.Add(new FileBar(symbol?.GetString(i), time.GetTimestamp(i)!.Value.UtcDateTime, Price("open").GetValue(i),
                        Price("high").GetValue(i), Price("low").GetValue(i), Price("close").GetValue(i), Price("adj_close").GetValue(i),
                        Price("volume").GetValue(i)));
            }
        }
        schema ??= reader.Schema;
        var fields = schema.FieldsList.Select(f => (f.Name, f.DataType is TimestampType t
            ? $"timestamp({t.Unit},{t.Timezone})"
            : $"{f.DataType.Name}{(f.IsNullable ? "?" : "")}")).ToList();
        return new ColumnarFile(fields, schema.Metadata ?? new Dictionary<string, string>(), bars);
    }
}
