using System.Globalization;
using System.Text;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Reports.Exports;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.Exports;

/// <summary>
/// A portfolio's transactions as CSV in the import's columns (so an export imports back), written as they are read.
/// Text cells (type, symbol, currency, note) are escaped against formula injection; numbers stay numbers.
/// </summary>
public sealed class TransactionsCsvResult(IAsyncEnumerable<TransactionDto> transactions, string fileName) : IResult
{
    private const int FlushEvery = 500;

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = ContentDisposition.Attachment(fileName);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16_384);
        await writer.WriteAsync(TransactionCsv.Header + "\n");
        var n = 0;
        await foreach (var t in transactions.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(t));
            if (++n % FlushEvery == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    public static string Line(TransactionDto t)
    {
        var time = t.Time.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
        return string.Join(',',
            CsvCells.Escape(t.Type), CsvCells.Escape(t.Symbol), time, Number(t.Quantity), Number(t.Price), Number(t.Amount),
            Number(t.Fee), CsvCells.Escape(t.Currency), CsvCells.Escape(t.Note)) + "\n";

        static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
