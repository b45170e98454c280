using System.Data.Common;

namespace InvestmentPlatform.Reports.Exports;

/// <summary>
/// A block of bars held as columns, filled row by row from the bars query (time, open, high, low, close, adj_close,
/// volume) and handed to a columnar writer when full, so an export holds one block in memory however long it is.
/// </summary>
public sealed class BarBatch(int capacity)
{
    public int Capacity { get; } = capacity;
    public int Count { get; private set; }
    public string[] Symbols { get; } = new string[capacity];
    public DateTime[] Times { get; } = new DateTime[capacity];
    public double?[] Open { get; } = new double?[capacity];
    public double?[] High { get; } = new double?[capacity];
    public double?[] Low { get; } = new double?[capacity];
    public double?[] Close { get; } = new double?[capacity];
    public double?[] AdjClose { get; } = new double?[capacity];
    public double?[] Volume { get; } = new double?[capacity];

    public bool IsFull => Count == Capacity;

    /// <summary>The price columns in file order, each with its name in the files.</summary>
    public IEnumerable<(string Name, double?[] Values)> Prices =>
    [
        ("open", Open), ("high", High), ("low", Low), ("close", Close), ("adj_close", AdjClose), ("volume", Volume),
    ];

    public void Add(string symbol, DbDataReader reader)
    {
        var i = Count++;
        Symbols[i] = symbol;
        // Stored times are UTC; SQLite hands them back unspecified.
        Times[i] = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
        Open[i] = Value(reader, 1);
        High[i] = Value(reader, 2);
        Low[i] = Value(reader, 3);
        Close[i] = Value(reader, 4);
        AdjClose[i] = Value(reader, 5);
        Volume[i] = Value(reader, 6);
    }

    public void Clear() => Count = 0;

    private static double? Value(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
