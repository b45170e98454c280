using InvestmentPlatform.Analytics;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Data;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;
using InvestmentPlatform.Reports.Requests;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Reports;

/// <summary>
/// The data coverage report: per asset and stored interval, the first and last bar, rows against the bars expected,
/// the gaps (as GET /api/assets/{symbol}/coverage answers them) and the last collection with its status.
/// </summary>
public sealed class DataCoverageReport(PlatformDbContext db, AssetCoverage coverage, TimeProvider clock)
{
    public async Task<ReportDocument> BuildAsync(IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var query = db.Assets.AsNoTracking();
        if (symbols.Count > 0)
            query = query.Where(a => symbols.Contains(a.Symbol));
        var assets = await query.OrderBy(a => a.Symbol).Take(ReportRequestWriter.MaxCoverageAssets + 1).ToListAsync(ct);
        if (assets.Count > ReportRequestWriter.MaxCoverageAssets)
            throw AnalyticsException.Invalid("symbols", $"At most {ReportRequestWriter.MaxCoverageAssets} assets per coverage report: name the symbols.");
        var missing = symbols.Except(assets.Select(a => a.Symbol)).ToList();
        if (missing.Count > 0)
            throw ReportRequestWriter.UnknownSymbols(missing);

        var rows = new List<object?[]>();
        var gaps = new List<object?[]>();
        foreach (var asset in assets)
        {
            var covered = await coverage.ReadAsync(asset, ct);
            var collections = await db.DataCollectionLog.AsNoTracking().Where(l => l.Symbol == asset.Symbol)
                .GroupBy(l => l.Interval).Select(g => g.OrderByDescending(l => l.StartedAt).First()).ToListAsync(ct);
            var intervals = covered.Series.Select(s => s.Interval).Union(collections.Select(c => c.Interval));
            foreach (var interval in intervals)
            {
                var series = covered.Series.FirstOrDefault(s => s.Interval == interval);
                var last = collections.FirstOrDefault(c => c.Interval == interval);
                rows.Add([
                    asset.Symbol, interval, series?.FirstTime, series?.LastTime, series?.RowCount, series?.ExpectedBars,
                    series?.Gaps.Count, series?.Gaps.Sum(g => (double)g.MissingBars), last?.StartedAt, last?.Status, asset.Source,
                ]);
                foreach (var gap in series?.Gaps ?? [])
                    gaps.Add([asset.Symbol, interval, gap.From, gap.To, (double)gap.MissingBars]);
            }
        }

        var (sources, synthetic) = await ReportSources.OfSymbolsAsync(db, assets.Select(a => a.Symbol).ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ReportDocument("Data coverage", symbols.Count == 0 ? "all assets" : string.Join(", ", symbols), null, now.Date, now,
            sources, synthetic, [],
            [
                new ReportTable("Coverage",
                    [new("Symbol", CellKind.Text), new("Interval", CellKind.Text), new("First bar", CellKind.Date), new("Last bar", CellKind.Date),
                     new("Rows", CellKind.Count), new("Expected", CellKind.Count), new("Gaps", CellKind.Count), new("Missing bars", CellKind.Count),
                     new("Last collection", CellKind.Date), new("Status", CellKind.Text), new("Source", CellKind.Text)],
                    rows.Select(r => r.Select(v => v is long or int ? Convert.ToDouble(v) : v).ToArray()).ToList()),
                new ReportTable("Gaps",
                    [new("Symbol", CellKind.Text), new("Interval", CellKind.Text), new("Last bar before", CellKind.Date),
                     new("First bar after", CellKind.Date), new("Missing bars", CellKind.Count)], gaps),
            ]);
    }
}
