using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Exports;
using Microsoft.Data.Sqlite;

namespace InvestmentPlatform.Reports.Tests;

public class When_bars_are_written_as_columnar_files
{
    /// <summary>A destination that records how long it was each time the writer handed bytes on.</summary>
    private sealed class Recording : MemoryStream
    {
        public List<long> Flushes { get; } = [];
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes.Add(Length);
            return Task.CompletedTask;
        }
    }

    private static async Task<Recording> WriteAsync(Func<Stream, Task<IBarFileWriter>> create, int blocks)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var destination = new Recording();
        await using var writer = await create(destination);
        var batch = new BarBatch(1_000);
        for (var b = 0; b < blocks; b++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) SELECT datetime({b * 1000} + i, 'unixepoch'), 1.0 * i, 2.0, 0.5, 1.5, NULL, 10.0 FROM n";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                batch.Add("X", reader);
            await writer.WriteAsync(batch, CancellationToken.None);
            batch.Clear();
        }
        await writer.CompleteAsync(CancellationToken.None);
        return destination;
    }

    [Fact]
    public async Task Should_hand_parquet_on_block_by_block_rather_than_at_the_end()
    {
        var file = await WriteAsync(async s => await ParquetBarWriter.CreateAsync(s, true, new Dictionary<string, string>(), CancellationToken.None), 3);
        // One hand-over per row group, each longer than the last, then the footer.
        Assert.True(file.Flushes.Count >= 4, string.Join(",", file.Flushes));
        Assert.True(file.Flushes.SequenceEqual(file.Flushes.Order()) && file.Flushes.Distinct().Count() == file.Flushes.Count);
        Assert.Equal("PAR1"u8.ToArray(), file.ToArray()[..4]);
    }

    [Fact]
    public async Task Should_hand_arrow_on_block_by_block_rather_than_at_the_end()
    {
        var file = await WriteAsync(s => Task.FromResult<IBarFileWriter>(new ArrowBarWriter(s, false, new Dictionary<string, string>())), 3);
        Assert.True(file.Flushes.Count >= 4, string.Join(",", file.Flushes));
        Assert.True(file.Flushes.Distinct().Count() == file.Flushes.Count);
    }
}

public class When_a_report_document_is_rendered
{
    private static ReportDocument Sample(int rows) => new("Portfolio report", "Sample (USD)", new DateTime(2024, 1, 1), new DateTime(2024, 12, 31),
        new DateTime(2025, 1, 2, 8, 30, 0), "synthetic", true,
        [new ReportChart("Equity curve", "Value", false, [new ChartLine("Portfolio",
            Enumerable.Range(0, 100).Select(i => new DateTime(2024, 1, 1).AddDays(i)).ToList(), Enumerable.Range(0, 100).Select(i => 100.0 + i).ToList())])],
        [new ReportTable("Returns", [new("Window", CellKind.Text), new("TWR", CellKind.Percent), new("Value", CellKind.Number), new("Day", CellKind.Date)],
            Enumerable.Range(0, rows).Select(i => new object?[] { $"row {i}", 0.1234 + i, 1234.5, new DateTime(2024, 3, 1) }).ToList())]);

    [Fact]
    public void Should_write_a_pdf_with_a_header_on_every_page()
    {
        using var pdf = new MemoryStream();
        PdfReportWriter.Write(Sample(200), pdf, null);
        var bytes = pdf.ToArray();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Fact]
    public void Should_write_a_workbook()
    {
        using var xlsx = new MemoryStream();
        ExcelReportWriter.Write(Sample(3), xlsx);
        Assert.Equal("PK"u8.ToArray(), xlsx.ToArray()[..2]);
    }

    [Theory]
    [InlineData(0.12345, "12.35%")]
    [InlineData(-0.5, "-50.00%")]
    public void Should_show_fractions_as_percentages(double value, string text) => Assert.Equal(text, CellText.Percent(value));
}
