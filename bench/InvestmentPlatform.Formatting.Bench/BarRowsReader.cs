using System.Collections;
using System.Data.Common;

namespace InvestmentPlatform.Formatting.Bench;

/// <summary>
/// Bars served as a data reader, so <c>BarText</c> can be timed without a database: only what it calls is implemented,
/// without boxing, so the reader costs about what Npgsql's buffered reads do.
/// </summary>
public sealed class BarRowsReader(Bar[] bars) : DbDataReader
{
    private int _row = -1;

    public override bool Read() => ++_row < bars.Length;

    public override DateTime GetDateTime(int ordinal) => bars[_row].Time;

    public override double GetDouble(int ordinal)
    {
        ref readonly var bar = ref bars[_row];
        return ordinal switch
        {
            1 => bar.Open,
            2 => bar.High,
            3 => bar.Low,
            4 => bar.Close,
            5 => bar.AdjClose!.Value,
            _ => bar.Volume!.Value,
        };
    }

    public override bool IsDBNull(int ordinal) => ordinal switch
    {
        5 => bars[_row].AdjClose is null,
        6 => bars[_row].Volume is null,
        _ => false,
    };

    public override int FieldCount => 7;
    public override bool HasRows => bars.Length > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override bool NextResult() => false;

    public override object this[int ordinal] => throw new NotSupportedException();
    public override object this[string name] => throw new NotSupportedException();
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override string GetDataTypeName(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override Type GetFieldType(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
    public override long GetInt64(int ordinal) => throw new NotSupportedException();
    public override string GetName(int ordinal) => throw new NotSupportedException();
    public override int GetOrdinal(string name) => throw new NotSupportedException();
    public override string GetString(int ordinal) => throw new NotSupportedException();
    public override object GetValue(int ordinal) => throw new NotSupportedException();
    public override int GetValues(object[] values) => throw new NotSupportedException();
}
