namespace InvestmentPlatform.Reports.Exports;

/// <summary>Writes blocks of bars to a columnar file as they come; <see cref="CompleteAsync"/> ends the file.</summary>
public interface IBarFileWriter : IAsyncDisposable
{
    Task WriteAsync(BarBatch batch, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}
