using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
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
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Open = JsonEncodedText.Encode("open");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText Close = JsonEncodedText.Encode("close");
    private static readonly JsonEncodedText AdjClose = JsonEncodedText.Encode("adjClose");
    private static readonly JsonEncodedText Volume = JsonEncodedText.Encode("volume");

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
        // The shape is fixed by this method, so the writer's structural checks are skipped.
        await using var json = new Utf8JsonWriter(pipe, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartObject();
        json.WriteString("symbol", header.Symbol);
        json.WriteString("assetType", header.AssetType);
        json.WriteString("interval", header.Interval);
        json.WriteString("baseInterval", header.BaseInterval);
        json.WriteString("adjust", header.Adjust);
        json.WriteBoolean("isSynthetic", header.IsSynthetic);
        json.WriteString("currency", header.Currency);
        json.WriteStartArray("bars");
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            json.WriteStartObject();
            json.WriteString(Time, reader.GetUtc(0));
            json.WriteNumber(Open, reader.GetDouble(1));
            json.WriteNumber(High, reader.GetDouble(2));
            json.WriteNumber(Low, reader.GetDouble(3));
            json.WriteNumber(Close, reader.GetDouble(4));
            WriteNullable(json, AdjClose, reader, 5);
            WriteNullable(json, Volume, reader, 6);
            json.WriteEndObject();
            if (++n % FlushEvery == 0)
            {
                json.Flush();
                await pipe.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await pipe.FlushAsync(ct);
    }

    private static void WriteNullable(Utf8JsonWriter json, JsonEncodedText name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            json.WriteNull(name);
        else
            json.WriteNumber(name, reader.GetDouble(ordinal));
    }

    private static async Task WriteCsvAsync(DbDataReader reader, PipeWriter pipe, CancellationToken ct)
    {
        var line = new StringBuilder("time,open,high,low,close,adjClose,volume\n");
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            var c = CultureInfo.InvariantCulture;
            line.Append(reader.GetUtc(0).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", c)).Append(',')
                .Append(reader.GetDouble(1).ToString("R", c)).Append(',')
                .Append(reader.GetDouble(2).ToString("R", c)).Append(',')
                .Append(reader.GetDouble(3).ToString("R", c)).Append(',')
                .Append(reader.GetDouble(4).ToString("R", c)).Append(',')
                .Append(reader.IsDBNull(5) ? "" : reader.GetDouble(5).ToString("R", c)).Append(',')
                .Append(reader.IsDBNull(6) ? "" : reader.GetDouble(6).ToString("R", c)).Append('\n');
            if (++n % FlushEvery == 0)
            {
                Encoding.UTF8.GetBytes(line.ToString(), pipe);
                line.Clear();
                await pipe.FlushAsync(ct);
            }
        }
        Encoding.UTF8.GetBytes(line.ToString(), pipe);
        await pipe.FlushAsync(ct);
    }
}
