namespace InvestmentPlatform.Ingestion;

/// <summary>Ingestion settings (section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// Chunks of one source each worker collects at once; the platform-wide cap per source is this times the workers
    /// present, so adding a worker adds capacity.
    /// </summary>
    public int ChunksInFlightPerWorker { get; set; } = 4;

    /// <summary>
    /// A fixed platform-wide cap per source, whatever the workers present (Ingestion__MaxChunksInFlight__yahoo=2): for a
    /// provider whose rate limit, not the platform, sets the pace.
    /// </summary>
    public Dictionary<string, int> MaxChunksInFlight { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often a worker renews its presence.</summary>
    public TimeSpan WorkerHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A worker not heard from for this long no longer counts towards the cap (it was killed or cut off).</summary>
    public TimeSpan WorkerPresenceTimeout { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>Upper bound of bars in one chunk; with 5,000-row messages this keeps a chunk within 30 parts.</summary>
    public int ChunkMaxBars { get; set; } = 20_000;

    /// <summary>Bars re-collected before the last stored bar in incremental mode, so late corrections heal.</summary>
    public int OverlapBars { get; set; } = 5;

    /// <summary>Missing trading days up to this count inside stored data are taken for holidays, not gaps.</summary>
    public int HolidayToleranceDays { get; set; } = 2;

    /// <summary>Longest range one request may cover, in bars per symbol.</summary>
    public long MaxBarsPerRequest { get; set; } = 5_000_000;

    /// <summary>Most chunks one request may be planned into, over all its symbols.</summary>
    public int MaxChunksPerRequest { get; set; } = 5_000;

    /// <summary>Most rows one request may ask for: bars per symbol times symbols.</summary>
    public long MaxRowsPerRequest { get; set; } = 20_000_000;

    /// <summary>Most rows one source may be asked for per UTC day, over all requests: bars in each range times its symbols.</summary>
    public long MaxRowsPerDayPerSource { get; set; } = 100_000_000;

    /// <summary>
    /// Delayed redeliveries of a chunk whose immediate retries were spent on a transient, rate-limited or timeout
    /// failure; 0 fails the chunk at once. The chunk waits FirstRedeliveryDelay, then 4 times longer each time, or the
    /// provider's Retry-After when that is longer.
    /// </summary>
    public int MaxRedeliveries { get; set; } = 3;

    public TimeSpan FirstRedeliveryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wait before a chunk whose collection or loading met a database or broker outage is collected again; such a chunk
    /// is retried until its request's timeout, without counting against MaxRedeliveries.
    /// </summary>
    public TimeSpan OutageRedeliveryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Rejected rows kept with their reasons per chunk (the first ones, in the order the source reported them); the
    /// count goes on past it. A source that sends nothing but bad rows cannot fill the disk.
    /// </summary>
    public int RejectedRowsKeptPerChunk { get; set; } = 1_000;

    /// <summary>A request still running after this long is marked timed_out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Longest a collector may take over one chunk, whatever its source; then it is cancelled and the chunk times out.
    /// Shorter than ChunkLease, so a chunk ends before the sweeper would send it again.
    /// </summary>
    public TimeSpan CollectTimeout { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>A chunk handed to a collector with no sign of life (dispatch, collection start, a part loaded) for this long is dispatched again.</summary>
    public TimeSpan ChunkLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sweeper resumes, re-dispatches and times out work.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A pending request older than this with no chunks is planned by the sweeper (its message was lost).</summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromSeconds(30);
}
