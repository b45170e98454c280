using System.Buffers;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Reports.Exports;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Streams bars straight from the data reader to the response, so a year of minute bars never sits in memory as
/// objects: JSON or CSV as text, Parquet and Arrow one block of <see cref="BlockRows"/> rows at a time. One source
/// answers the bars of one symbol; several answer the long table of the multi-symbol export, a symbol column first.
/// </summary>
public sealed class BarsResult(SeriesConnections connections, IReadOnlyList<BarsSource> sources, BarFormat format, bool longTable) : IResult
{
    private const int TextBlockBytes = 65_536;
    private const int TextBlocksAhead = 4;
    public const int BlockRows = 65_536;

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var first = sources[0].Header;
        var name = longTable ? $"bars-{first.Interval}" : $"{first.Symbol}-{first.Interval}";
        switch (format)
        {
            case BarFormat.Csv:
                Attach(response, "text/csv; charset=utf-8", name, "csv");
                await WriteCsvAsync(response.BodyWriter, ct);
                break;
            case BarFormat.Parquet:
                Attach(response, ParquetBarWriter.ContentType, name, "parquet");
                await using (var parquet = await ParquetBarWriter.CreateAsync(response.Body, longTable, Metadata(), ct))
                    await WriteColumnarAsync(parquet, ct);
                break;
            case BarFormat.Arrow:
                Attach(response, ArrowBarWriter.ContentType, name, "arrow");
                await using (var arrow = new ArrowBarWriter(response.Body, longTable, Metadata()))
                    await WriteColumnarAsync(arrow, ct);
                break;
            default:
                response.ContentType = "application/json; charset=utf-8";
                await WriteJsonAsync(first, response.BodyWriter, ct);
                break;
        }
    }

    /// <summary>Reads each source's bars in turn on one connection.</summary>
    private async Task ReadAsync(Func<BarsSource, DbDataReader, Task> each, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var timescale = await connections.HasTimescaleAsync(connection, ct);
        foreach (var source in sources)
        {
            await using var cmd = BarsSql.Build(connection, connections.Provider, timescale, source.Plan);
            await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            await each(source, reader);
        }
    }

    private Task WriteJsonAsync(BarsResponse header, PipeWriter pipe, CancellationToken ct) => ReadAsync(async (_, reader) =>
    {
        // The header goes through the JSON writer (its strings need escaping); the bars are written as bytes by BarText.
        await using (var json = new Utf8JsonWriter(pipe))
        {
            json.WriteStartObject();
            json.WriteString("symbol", header.Symbol);
            json.WriteString("assetType", header.AssetType);
            json.WriteString("interval", header.Interval);
            json.WriteString("baseInterval", header.BaseInterval);
            json.WriteString("adjust", header.Adjust);
            json.WriteBoolean("isSynthetic", header.IsSynthetic);
            json.WriteString("currency", header.Currency);
            json.WriteString("convertedFrom", header.ConvertedFrom);
            if (header.AsOf is { } asOf)
                json.WriteString("asOf", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else
                json.WriteNull("asOf");
            if (header.PriceDecimals is { } quoted)
                json.WriteNumber("priceDecimals", quoted);
            else
                json.WriteNull("priceDecimals");
            json.WritePropertyName("bars");
        }
        pipe.Write("["u8);
        var decimals = PricePrecision.For(header.PriceDecimals, header.Adjust);
        var n = 0;
        await PumpAsync(reader, pipe, (row, span) =>
        {
            var pos = 0;
            if (n++ > 0)
                span[pos++] = (byte)',';
            return pos + BarText.WriteJson(row, span[pos..], decimals);
        }, BarText.MaxRowLength + 1, ct);
        pipe.Write("]}"u8);
        await pipe.FlushAsync(ct);
    }, ct);

    private async Task WriteCsvAsync(PipeWriter pipe, CancellationToken ct)
    {
        if (longTable)
            pipe.Write("symbol,"u8);
        pipe.Write(BarText.CsvHeader);
        await ReadAsync(async (source, reader) =>
        {
            // Symbols are the only text cells: escaped once per source against formula injection.
            var symbol = longTable ? Encoding.UTF8.GetBytes(CsvCells.Escape(source.Header.Symbol) + ",") : [];
            var decimals = PricePrecision.For(source.Header.PriceDecimals, source.Header.Adjust);
            await PumpAsync(reader, pipe, (row, span) =>
            {
                symbol.CopyTo(span);
                return symbol.Length + BarText.WriteCsv(row, span[symbol.Length..], decimals);
            }, BarText.MaxRowLength + symbol.Length, ct);
        }, ct);
        await pipe.FlushAsync(ct);
    }

    private delegate int RowWriter(DbDataReader reader, Span<byte> destination);

    /// <summary>
    /// Writes each row as text into blocks on a task of its own and hands the full blocks to the response, so reading
    /// and formatting never wait for the socket: on SQLite the reading is this process's work too, and running it
    /// beside the sending is most of what separates the endpoint from reading the rows alone.
    /// </summary>
    private static async Task PumpAsync(DbDataReader reader, PipeWriter pipe, RowWriter writeRow, int maxRowLength, CancellationToken ct)
    {
        var blocks = Channel.CreateBounded<(byte[] Block, int Length)>(
            new BoundedChannelOptions(TextBlocksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                var block = ArrayPool<byte>.Shared.Rent(TextBlockBytes);
                var length = 0;
                while (await reader.ReadAsync(stop.Token))
                {
                    if (block.Length - length < maxRowLength)
                    {
                        await blocks.Writer.WriteAsync((block, length), stop.Token);
                        block = ArrayPool<byte>.Shared.Rent(TextBlockBytes);
                        length = 0;
                    }
                    length += writeRow(reader, block.AsSpan(length));
                }
                await blocks.Writer.WriteAsync((block, length), stop.Token);
                blocks.Writer.Complete();
            }
            catch (Exception ex)
            {
                blocks.Writer.Complete(ex);
            }
        });

        try
        {
            while (await blocks.Reader.WaitToReadAsync(ct))
            {
                // Whatever is ready goes in one flush.
                while (blocks.Reader.TryRead(out var full))
                {
                    pipe.Write(full.Block.AsSpan(0, full.Length));
                    ArrayPool<byte>.Shared.Return(full.Block);
                }
                await pipe.FlushAsync(ct);
            }
        }
        finally
        {
            // The reader belongs to the caller: the producer is done with it before this returns, whatever happened here.
            await stop.CancelAsync();
            await producer;
        }
    }

    private async Task WriteColumnarAsync(IBarFileWriter writer, CancellationToken ct)
    {
        var batch = new BarBatch(BlockRows);
        await ReadAsync(async (source, reader) =>
        {
            while (await reader.ReadAsync(ct))
            {
                batch.Add(source.Header.Symbol, reader);
                if (!batch.IsFull)
                    continue;
                await writer.WriteAsync(batch, ct);
                batch.Clear();
            }
        }, ct);
        await writer.WriteAsync(batch, ct);
        await writer.CompleteAsync(ct);
    }

    /// <summary>What the file holds, in its own metadata: a notebook that reads only the file still knows the source.</summary>
    private Dictionary<string, string> Metadata()
    {
        var first = sources[0].Header;
        return new Dictionary<string, string>
        {
            ["interval"] = first.Interval,
            ["adjust"] = first.Adjust,
            ["symbols"] = string.Join(",", sources.Select(s => s.Header.Symbol)),
            ["synthetic"] = string.Join(",", sources.Where(s => s.Header.IsSynthetic).Select(s => s.Header.Symbol)),
            ["assets"] = JsonSerializer.Serialize(sources.Select(s => s.Header with { Bars = [] }), JsonSerializerOptions.Web),
            ["generatedAt"] = DateTime.UtcNow.ToString("O"),
        };
    }

    private static void Attach(HttpResponse response, string contentType, string name, string extension)
    {
        response.ContentType = contentType;
        response.Headers.ContentDisposition = ContentDisposition.Attachment($"{name}.{extension}");
    }
}
