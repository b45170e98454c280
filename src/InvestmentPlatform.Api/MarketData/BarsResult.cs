using System.Buffers;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Streams the bars straight from the data reader to the response, JSON or CSV, so a year of minute bars never sits
/// in memory as objects.
/// </summary>
public sealed class BarsResult(SeriesConnections connections, BarsPlan plan, BarsResponse header, BarFormat format) : IResult
{
    private const int FlushEvery = 2_000;

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        await using var connection = await connections.OpenAsync(ct);
        var timescale = await connections.HasTimescaleAsync(connection, ct);
        await using var cmd = BarsSql.Build(connection, connections.Provider, timescale, plan);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (format == BarFormat.Csv)
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{header.Symbol}-{header.Interval}.csv\"";
            await WriteCsvAsync(reader, context.Response.BodyWriter, ct);
        }
        else
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await WriteJsonAsync(reader, context.Response.BodyWriter, ct);
        }
    }

    private async Task WriteJsonAsync(DbDataReader reader, PipeWriter pipe, CancellationToken ct)
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
            json.WritePropertyName("bars");
        }
        pipe.Write("["u8);
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            var span = pipe.GetSpan(BarText.MaxRowLength + 1);
            var pos = 0;
            if (n > 0)
                span[pos++] = (byte)',';
            pos += BarText.WriteJson(reader, span[pos..]);
            pipe.Advance(pos);
            if (++n % FlushEvery == 0)
                await pipe.FlushAsync(ct);
        }
        pipe.Write("]}"u8);
        await pipe.FlushAsync(ct);
    }

    private static async Task WriteCsvAsync(DbDataReader reader, PipeWriter pipe, CancellationToken ct)
    {
        pipe.Write(BarText.CsvHeader);
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            var span = pipe.GetSpan(BarText.MaxRowLength);
            pipe.Advance(BarText.WriteCsv(reader, span));
            if (++n % FlushEvery == 0)
                await pipe.FlushAsync(ct);
        }
        await pipe.FlushAsync(ct);
    }
}
