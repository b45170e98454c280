using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Data.Series;

/// <summary>
/// One range of a series as a committed load left it: every row stored between <see cref="From"/> and
/// <see cref="To"/> (the part's rows and any stored beside them), oldest first.
/// </summary>
public sealed record LoadedRange(long AssetId, string Interval, DateTime From, DateTime To, IReadOnlyList<SeriesRow> Rows);

/// <summary>
/// The ranges this process's loader committed lately, so the work that follows a load (the quality checks) need not read
/// back rows the loader held a moment ago. Whatever is not here is read from the table.
/// </summary>
/// <remarks>
/// A kept range is exactly what the table holds there: a load that meets it and commits after it releases it, and a load
/// that ran while another load of a range it meets committed is not kept (which one's rows stand, only the table
/// knows). Only this process's loads are seen, not another worker's load of the same range in between (docs/data-quality.md
/// says what that leaves). Rows are bounded by <see cref="MaxRows"/> and by age.
/// </remarks>
public sealed class LoadedRanges(TimeProvider clock)
{
    /// <summary>
    /// Rows kept at most, about 100 MiB of them: a load of a million rows is checked once its last part is in, and a
    /// longer one has its oldest parts read back.
    /// </summary>
    public const int MaxRows = 1_000_000;

    /// <summary>How long a finished load is remembered; a load that ran longer than this is not kept.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly Queue<Load> _byAge = new();
    private readonly Dictionary<(long AssetId, string Interval), List<Load>> _bySeries = [];
    private long _sequence;
    private long _forgottenThrough;
    private long _rows;

    /// <summary>Called before a load reads or writes its range: its place among the loads that finish.</summary>
    public long Begin()
    {
        lock (_gate)
            return ++_sequence;
    }

    /// <summary>
    /// Called once a load has committed: <paramref name="rows"/> is every row stored in [<paramref name="from"/>,
    /// <paramref name="to"/>], or null when the writer could not know them.
    /// </summary>
    public void Complete(long begun, long assetId, string interval, DateTime from, DateTime to, IReadOnlyList<SeriesRow>? rows)
    {
        lock (_gate)
        {
            var load = new Load(assetId, interval, from, to, ++_sequence, clock.GetUtcNow());
            var key = (assetId, interval);
            if (!_bySeries.TryGetValue(key, out var series))
                _bySeries[key] = series = [];
            var concurrent = begun <= _forgottenThrough;
            foreach (var other in series.Where(l => l.From <= to && l.To >= from))
            {
                // Finished while this load ran: the two commits' order is unknown. Finished before it began: this one is newer.
                concurrent |= other.Finished > begun;
                Release(other);
            }
            if (rows is not null && !concurrent)
            {
                load.Range = new LoadedRange(assetId, interval, from, to, rows);
                _rows += rows.Count;
            }
            series.Add(load);
            _byAge.Enqueue(load);
            Evict();
        }
    }

    /// <summary>The kept ranges of a series that meet [<paramref name="from"/>, <paramref name="to"/>], oldest first; no two meet.</summary>
    public IReadOnlyList<LoadedRange> Kept(long assetId, string interval, DateTime from, DateTime to)
    {
        lock (_gate)
        {
            Evict();
            return _bySeries.TryGetValue((assetId, interval), out var series)
                ? [.. series.Where(l => l.Range is not null && l.From <= to && l.To >= from).Select(l => l.Range!).OrderBy(r => r.From)]
                : [];
        }
    }

    /// <summary>Lets go of the rows of ranges whose check is done.</summary>
    public void Release(IEnumerable<LoadedRange> ranges)
    {
        lock (_gate)
        {
            foreach (var range in ranges)
                if (_bySeries.TryGetValue((range.AssetId, range.Interval), out var series))
                    foreach (var load in series.Where(l => ReferenceEquals(l.Range, range)))
                        Release(load);
        }
    }

    /// <summary>Rows kept now.</summary>
    public long Rows
    {
        get
        {
            lock (_gate)
                return _rows;
        }
    }

    private void Release(Load load)
    {
        if (load.Range is null)
            return;
        _rows -= load.Range.Rows.Count;
        load.Range = null;
    }

    private void Evict()
    {
        var oldest = clock.GetUtcNow() - MaxAge;
        while (_byAge.TryPeek(out var load) && load.At < oldest)
        {
            _byAge.Dequeue();
            Release(load);
            // A load that began before this one finished can no longer tell whether they met: it will not be kept.
            _forgottenThrough = load.Finished;
            var series = _bySeries[(load.AssetId, load.Interval)];
            series.Remove(load);
            if (series.Count == 0)
                _bySeries.Remove((load.AssetId, load.Interval));
        }
        // Over the bound, the oldest rows go first; what their loads covered is still remembered.
        foreach (var load in _byAge)
        {
            if (_rows <= MaxRows)
                break;
            Release(load);
        }
    }

    /// <summary>A finished load: what it covered and when, and its rows while they are kept.</summary>
    private sealed class Load(long assetId, string interval, DateTime from, DateTime to, long finished, DateTimeOffset at)
    {
        public long AssetId { get; } = assetId;
        public string Interval { get; } = interval;
        public DateTime From { get; } = from;
        public DateTime To { get; } = to;
        public long Finished { get; } = finished;
        public DateTimeOffset At { get; } = at;
        public LoadedRange? Range { get; set; }
    }
}
