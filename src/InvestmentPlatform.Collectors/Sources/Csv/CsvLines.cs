using System.Text;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>Reads a CSV file line by line, refusing a line longer than the limit before it is held whole.</summary>
internal sealed class CsvLines(Stream stream, int maxLineLength, string source) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024);
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    public int Number { get; private set; }

    public async Task<string?> ReadAsync(CancellationToken ct)
    {
        _line.Clear();
        while (true)
        {
            if (_position == _length)
            {
                _length = await _reader.ReadAsync(_buffer.AsMemory(), ct);
                _position = 0;
                if (_length == 0)
                {
                    if (_line.Length == 0)
                        return null;
                    Number++;
                    return _line.ToString();
                }
            }
            var end = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var take = (end < 0 ? _length : end) - _position;
            if (_line.Length + take > maxLineLength + 1)
                throw new CollectorException(ErrorClass.BadPayload, source,
                    $"line {Number + 1} is longer than {maxLineLength:N0} characters (Imports__MaxLineLength)");
            _line.Append(_buffer, _position, take);
            _position += take;
            if (end >= 0)
            {
                _position++;
                Number++;
                if (_line.Length > 0 && _line[^1] == '\r')
                    _line.Length--;
                return _line.ToString();
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
