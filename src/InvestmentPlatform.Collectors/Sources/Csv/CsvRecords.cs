using System.Text;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using Sylvan.Data.Csv;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>
/// Reads a CSV file record by record with Sylvan's parser (RFC 4180 quoting; comma, semicolon, tab or pipe detected
/// from the header). The parser's buffer is capped, so a line longer than the limit is refused before it is held whole.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private readonly CsvDataReader _reader;
    private readonly int _maxLineLength;
    private readonly string _source;

    private CsvRecords(CsvDataReader reader, int maxLineLength, string source) =>
        (_reader, _maxLineLength, _source) = (reader, maxLineLength, source);

    /// <summary>The 1-based line of the record last read.</summary>
    public int Line => _reader.RowNumber;

    public static async Task<CsvRecords> OpenAsync(Stream stream, int maxLineLength, string source, CancellationToken ct)
    {
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            // The parser's smallest buffer is 128 characters; a shorter limit is checked on each record instead.
            BufferSize = Math.Clamp(maxLineLength + 2, 128, 64 * 1024),
            MaxBufferSize = Math.Max(128, maxLineLength + 2),
        };
        try
        {
            return new CsvRecords(await CsvDataReader.CreateAsync(text, options, ct), maxLineLength, source);
        }
        catch (CsvRecordTooLargeException)
        {
            text.Dispose();
            throw TooLong(1, maxLineLength, source);
        }
    }

    /// <summary>The next record's fields, trimmed; null at the end of the file.</summary>
    public async Task<string[]?> ReadAsync(CancellationToken ct)
    {
        try
        {
            if (!await _reader.ReadAsync(ct))
                return null;
        }
        catch (CsvRecordTooLargeException)
        {
            throw TooLong(_reader.RowNumber, _maxLineLength, _source);
        }
        if (_reader.GetRawRecordSpan().TrimEnd("\r\n").Length > _maxLineLength)
            throw TooLong(_reader.RowNumber, _maxLineLength, _source);
        var fields = new string[_reader.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = _reader.GetString(i).Trim();
        return fields;
    }

    public static bool IsBlank(string[] fields) => fields.All(f => f.Length == 0);

    private static CollectorException TooLong(int line, int maxLineLength, string source) =>
        new(ErrorClass.BadPayload, source, $"line {line} is longer than {maxLineLength:N0} characters (Imports__MaxLineLength)");

    public void Dispose() => _reader.Dispose();
}
