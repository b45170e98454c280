namespace InvestmentPlatform.Reports.Exports;

/// <summary>
/// A write-only stream that keeps what the file writers write (synchronously or not) until
/// <see cref="DrainToAsync"/> hands it on, and reports as its position the bytes written so far, which is all the
/// Parquet writer needs of a stream. Draining after every block keeps a block's bytes, not the file's, in memory, and
/// lets a response body, which refuses synchronous writes, receive it.
/// </summary>
public sealed class SpoolStream : Stream
{
    private readonly MemoryStream _pending = new();
    private long _drained;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _drained + _pending.Length;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public async Task DrainToAsync(Stream destination, CancellationToken ct)
    {
        if (_pending.Length == 0)
            return;
        await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await destination.FlushAsync(ct);
        _drained += _pending.Length;
        _pending.SetLength(0);
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
