using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;

namespace InvestmentPlatform.Collectors.Tests.Csv;

public sealed class When_importing_csv_files : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csv-specs").FullName;
    private readonly CsvCollector _collector;

    public When_importing_csv_files() => _collector = ImportingFrom(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    public static CsvCollector ImportingFrom(string directory, long maxFileBytes = 16 * 1024 * 1024, int maxLineLength = 4096) =>
        new(new ImportFiles(Microsoft.Extensions.Options.Options.Create(new ImportOptions
        {
            Directory = directory,
            UploadDirectory = Path.Combine(directory, "uploads"),
            MaxFileBytes = maxFileBytes,
            MaxLineLength = maxLineLength,
        })));

    private async Task<List<CollectedBatch>> Import(string content, DateTime? from = null, DateTime? to = null, string type = "stock")
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        return await _collector.CollectAllAsync(new CollectorRequest("TEST", type, "1d",
            from ?? Utc(2000, 1, 1), to ?? Utc(2030, 1, 1), new Dictionary<string, string> { ["file"] = path }));
    }

    [Fact]
    public async Task Should_read_the_yahoo_download_format_and_report_bad_lines_with_their_numbers()
    {
        var batches = await Import("""
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
            2024-01-03,null,null,null,null,null,null
            2024-01-04,182.15,183.09,180.88,181.91,181.22,71983600
            2024-01-05,181.99,182.76,185.00,181.18,180.50,62303300
            """);

        var batch = Assert.Single(batches);
        Assert.Equal("yahoo", batch.Asset.Metadata["format"]);
        Assert.Equal([Utc(2024, 1, 2), Utc(2024, 1, 4)], batch.Rows.Select(r => r.Time));
        Assert.Equal(184.94, batch.Rows[0].AdjClose);
        Assert.Equal(82488700, batch.Rows[0].Volume);
        Assert.Collection(batch.Rejected,
            r => { Assert.Equal(3, r.Line); Assert.Contains("not a number", r.Reason); },
            r => { Assert.Equal(5, r.Line); Assert.Contains("low 185 is above", r.Reason); });
    }

    [Fact]
    public async Task Should_read_stooq_daily_and_bulk_formats()
    {
        var daily = Assert.Single(await Import("Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,1000\n"));
        var bulk = Assert.Single(await Import("""
            <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>
            AAPL.US,D,20240102,000000,187.15,188.44,183.89,185.64,82488700,0
            AAPL.US,5,20240102,153500,187.15,188.44,183.89,185.64,1000,0
            AAPL.US,D,2024-13-45,000000,1,1,1,1,1,0
            """));

        Assert.Equal("stooq", daily.Asset.Metadata["format"]);
        Assert.Equal(Utc(2024, 1, 2), Assert.Single(daily.Rows).Time);
        Assert.Equal("stooq", bulk.Asset.Metadata["format"]);
        Assert.Equal([Utc(2024, 1, 2), Utc(2024, 1, 2, 15, 35)], bulk.Rows.Select(r => r.Time));
        var rejected = Assert.Single(bulk.Rejected);
        Assert.Equal(4, rejected.Line);
        Assert.Contains("unreadable date", rejected.Reason);
    }

    [Fact]
    public async Task Should_read_generic_columns_in_any_order_and_skip_rows_outside_the_range()
    {
        var batch = Assert.Single(await Import("""
            symbol;timestamp;close;open;low;high;volume
            X;2024-01-01T00:00:00Z;2;1;0.5;2.5;10
            X;2024-01-02T00:00:00Z;3;2;1.5;3.5;-1
            X;2024-01-03T00:00:00Z;4;3;2.5;4.5;30
            X;2024-02-03T00:00:00Z;4;3;2.5;4.5;30
            """, Utc(2024, 1, 1), Utc(2024, 2, 1)));

        Assert.Equal("generic", batch.Asset.Metadata["format"]);
        Assert.Equal([Utc(2024, 1, 1), Utc(2024, 1, 3)], batch.Rows.Select(r => r.Time));
        Assert.Equal(new SeriesRow(Utc(2024, 1, 1), 1, 2.5, 0.5, 2, null, 10), batch.Rows[0]);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(3, rejected.Line);
        Assert.Contains("volume", rejected.Reason);
    }

    [Fact]
    public async Task Should_read_quoted_fields_and_any_common_separator()
    {
        // A European export: a byte-order mark, semicolons, and a quoted note with the separator inside it.
        var semicolon = Assert.Single(await Import("\uFEFF\"Date\";\"Close\";Note\n2024-01-02;\"10.5\";\"a;b\"\n"));
        var tab = Assert.Single(await Import("date\tclose\n2024-01-02\t11\n\n2024-01-03\t\"x\"\"y\"\n"));

        Assert.Equal(10.5, Assert.Single(semicolon.Rows).Close);
        Assert.Equal(11, Assert.Single(tab.Rows).Close);
        var rejected = Assert.Single(tab.Rejected);
        Assert.Equal(4, rejected.Line);
        Assert.Contains("'x\"y' is not a number", rejected.Reason);
    }

    [Fact]
    public async Task Should_read_a_value_column_as_a_rate()
    {
        var batch = Assert.Single(await Import("date,value\n2024-01-02,4.25\n", type: "bond"));

        Assert.Equal(new SeriesRow(Utc(2024, 1, 2), 4.25, 4.25, 4.25, 4.25), Assert.Single(batch.Rows));
        Assert.Equal("bond", batch.Asset.AssetType);
    }

    [Fact]
    public async Task Should_reject_duplicate_timestamps_with_their_line()
    {
        var batch = Assert.Single(await Import("date,close\n2024-01-02,1\n2024-01-03,5\n2024-01-02,2\n"));

        Assert.Equal([1.0, 5.0], batch.Rows.Select(r => r.Close));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(4, rejected.Line);
        Assert.Contains("duplicate timestamp 2024-01-02T00:00:00.0000000Z (first on line 2)", rejected.Reason);
    }

    [Fact]
    public async Task Should_sort_a_newest_first_file_into_bounded_ascending_batches()
    {
        var lines = Enumerable.Range(0, 12_000).Select(i => $"{Utc(2000, 1, 1).AddDays(11_999 - i):yyyy-MM-dd},{i % 10 + 1}");
        var batches = await Import("date,close\n" + string.Join("\n", lines), Utc(2000, 1, 1), Utc(2040, 1, 1));

        var rows = batches.SelectMany(b => b.Rows).ToList();
        Assert.Equal(12_000, rows.Count);
        Assert.Equal(rows.OrderBy(r => r.Time).Select(r => r.Time), rows.Select(r => r.Time));
        Assert.All(batches, b => Assert.InRange(b.Rows.Count, 1, 5_000));
        Assert.All(batches, b => Assert.Empty(b.Rejected));
    }

    [Fact]
    public async Task Should_fail_with_bad_payload_on_an_unknown_header()
    {
        var ex = await Assert.ThrowsAsync<CollectorException>(() => Import("foo,bar\n1,2\n"));

        Assert.Equal(ErrorClass.BadPayload, ex.ErrorClass);
        Assert.Contains("line 1", ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_fail_with_not_found_on_a_missing_file()
    {
        var ex = await Assert.ThrowsAsync<CollectorException>(() => _collector.CollectAllAsync(new CollectorRequest("T", null, "1d",
            Utc(2024, 1, 1), Utc(2024, 2, 1), new Dictionary<string, string> { ["file"] = "/nonexistent/x.csv" })));

        Assert.Equal(ErrorClass.NotFound, ex.ErrorClass);
    }

    [Fact]
    public async Task Should_require_the_file_option()
    {
        var ex = await Assert.ThrowsAsync<CollectorException>(() => _collector.CollectAllAsync(new CollectorRequest("T", null, "1d",
            Utc(2024, 1, 1), Utc(2024, 2, 1))));

        Assert.Equal(ErrorClass.BadRequest, ex.ErrorClass);
        Assert.Contains("'upload'", ex.ProviderMessage);
        Assert.Contains("'file'", ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_read_a_relative_name_and_an_upload_by_id_inside_their_folders()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "prices.csv"), "date,close\n2024-01-02,1\n");
        var id = Guid.NewGuid();
        Directory.CreateDirectory(Path.Combine(_dir, "uploads"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "uploads", $"{id:N}.csv"), "date,close\n2024-01-03,2\n");

        var byName = await _collector.CollectAllAsync(Request(new() { ["file"] = "prices.csv" }));
        var byUpload = await _collector.CollectAllAsync(Request(new() { ["upload"] = id.ToString("N") }));

        Assert.Equal(1.0, Assert.Single(Assert.Single(byName).Rows).Close);
        Assert.Equal(2.0, Assert.Single(Assert.Single(byUpload).Rows).Close);
    }

    private static CollectorRequest Request(Dictionary<string, string> options) =>
        new("TEST", "stock", "1d", Utc(2000, 1, 1), Utc(2030, 1, 1), options);
}

/// <summary>Files a request may not read, all refused with one answer that tells nothing about them.</summary>
public sealed class When_a_csv_request_names_a_file_it_may_not_read : IDisposable
{
    private readonly string _imports = Directory.CreateTempSubdirectory("csv-imports").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("csv-outside").FullName;
    private readonly CsvCollector _collector;

    public When_a_csv_request_names_a_file_it_may_not_read()
    {
        _collector = When_importing_csv_files.ImportingFrom(_imports);
        System.IO.File.WriteAllText(Path.Combine(_outside, "secret.csv"), "date,close\n2024-01-02,4111111111111111\n");
    }

    public void Dispose()
    {
        Directory.Delete(_imports, true);
        Directory.Delete(_outside, true);
    }

    public static TheoryData<string> Hostile => new()
    {
        "absolute path outside the folder",
        "relative path climbing out",
        "symlink to a file outside",
        "symlink to /dev/zero",
        "symlinked folder leading outside",
        "FIFO with no writer",
        "the folder itself",
        "missing file",
        "malformed upload id",
        "upload id of no upload",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Should_refuse_it_with_the_same_error_whatever_the_reason(string hostile)
    {
        var options = hostile switch
        {
            "absolute path outside the folder" => File(Path.Combine(_outside, "secret.csv")),
            "relative path climbing out" => File(Path.Combine("..", Path.GetFileName(_outside), "secret.csv")),
            "symlink to a file outside" => File(Link("secret.csv", Path.Combine(_outside, "secret.csv"))),
            "symlink to /dev/zero" => File(Link("zero.csv", "/dev/zero")),
            "symlinked folder leading outside" => File(Path.Combine(Link("sub", _outside), "secret.csv")),
            "FIFO with no writer" => File(Fifo("pipe.csv")),
            "the folder itself" => File("."),
            "missing file" => File("missing.csv"),
            "malformed upload id" => new() { ["upload"] = "../../etc/passwd" },
            "upload id of no upload" => new() { ["upload"] = Guid.NewGuid().ToString("N") },
            _ => throw new ArgumentOutOfRangeException(nameof(hostile)),
        };

        var ex = await Assert.ThrowsAsync<CollectorException>(() => _collector.CollectAllAsync(
            new CollectorRequest("EXFIL", "stock", "1d", Utc(2000, 1, 1), Utc(2030, 1, 1), options)).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(ErrorClass.NotFound, ex.ErrorClass);
        Assert.Equal(ImportFileRefused.Message, ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_refuse_every_server_file_when_no_import_folder_is_configured()
    {
        var collector = new CsvCollector(new ImportFiles(Microsoft.Extensions.Options.Options.Create(new ImportOptions { UploadDirectory = _imports })));

        var ex = await Assert.ThrowsAsync<CollectorException>(() => collector.CollectAllAsync(
            new CollectorRequest("EXFIL", "stock", "1d", Utc(2000, 1, 1), Utc(2030, 1, 1), File(Path.Combine(_outside, "secret.csv")))));

        Assert.Equal(ImportFileRefused.Message, ex.ProviderMessage);
    }

    [Fact]
    public async Task Should_stop_at_the_size_limit_and_at_an_overlong_line()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(_imports, "big.csv"), "date,close\n" + string.Concat(Enumerable.Repeat("2024-01-02,1\n", 200)));
        await System.IO.File.WriteAllTextAsync(Path.Combine(_imports, "long.csv"), "date,close\n2024-01-02," + new string('1', 500) + "\n");
        var small = When_importing_csv_files.ImportingFrom(_imports, maxFileBytes: 1_000, maxLineLength: 100);

        var tooBig = await Assert.ThrowsAsync<CollectorException>(() => small.CollectAllAsync(Request("big.csv")));
        var tooLong = await Assert.ThrowsAsync<CollectorException>(() => small.CollectAllAsync(Request("long.csv")));

        Assert.Equal(ErrorClass.BadPayload, tooBig.ErrorClass);
        Assert.Contains("larger than 1,000 bytes", tooBig.ProviderMessage);
        Assert.Equal(ErrorClass.BadPayload, tooLong.ErrorClass);
        Assert.Contains("line 2 is longer than 100 characters", tooLong.ProviderMessage);
    }

    private static CollectorRequest Request(string file) =>
        new("TEST", "stock", "1d", Utc(2000, 1, 1), Utc(2030, 1, 1), File(file));

    private static Dictionary<string, string> File(string path) => new() { ["file"] = path };

    private string Link(string name, string target)
    {
        var path = Path.Combine(_imports, name);
        System.IO.File.CreateSymbolicLink(path, target);
        return path;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_imports, name);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
