using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Ingestion.Rejections;

/// <summary>
/// The rejected rows of one chunk while it is collected: every one is counted, the first <c>keep</c> are kept for the
/// parts that carry them, each part taking those counted with its rows. A chunk collected again numbers them the same.
/// </summary>
public sealed class ChunkRejections(int keep)
{
    private readonly List<RejectedRow> _kept = [];
    private int _taken;

    public long Total { get; private set; }

    /// <summary>Kept rows so far: a part carries the kept rows up to the mark taken when its rows were complete.</summary>
    public int Mark => _kept.Count;

    public void Add(IReadOnlyList<RejectedRow> rows)
    {
        Total += rows.Count;
        for (var i = 0; i < rows.Count && _kept.Count < keep; i++)
            _kept.Add(ForWire(rows[i]));
    }

    /// <summary>The kept rows up to <paramref name="mark"/> that no part has taken, and the place of the first in the chunk.</summary>
    public (IReadOnlyList<RejectedRow>? Rows, int FirstIndex) Take(int mark)
    {
        var first = _taken;
        var count = Math.Max(0, mark - first);
        _taken = first + count;
        return (count == 0 ? null : _kept.GetRange(first, count), first);
    }

    /// <summary>Bounded text and finite numbers only: the message and the table hold no more than the columns allow.</summary>
    public static RejectedRow ForWire(RejectedRow row) => row with
    {
        Reason = Clip(row.Reason, IngestionRejection.MaxReasonLength)!,
        Raw = Clip(row.Raw, IngestionRejection.MaxRawLength),
        Open = Finite(row.Open), High = Finite(row.High), Low = Finite(row.Low), Close = Finite(row.Close), Volume = Finite(row.Volume),
    };

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
