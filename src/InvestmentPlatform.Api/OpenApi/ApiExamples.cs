using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Collectors;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Api.Rejections;

namespace InvestmentPlatform.Api.OpenApi;

/// <summary>The examples Swagger UI shows for the assets, collectors, rejected-rows and market-data endpoints.</summary>
public static class ApiExamples
{
    private static readonly DateTime T = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static readonly AssetDto Asset = new(1, "AAPL", "Apple Inc.", "stock", "USD", "NMS", "yahoo",
        new Dictionary<string, string> { ["timezone"] = "America/New_York" }, false, T, T, 3);

    // A PUT sends back the version it read; a POST ignores it.
    public static readonly AssetRequest AssetBody = new("AAPL", "Apple Inc.", "stock", "USD", "NMS", "yahoo",
        new Dictionary<string, string> { ["timezone"] = "America/New_York" }, 3);

    public static readonly PagedResult<AssetDto> AssetPage = new([Asset], 1, 50, 1, 1);

    public static readonly CoverageDto Coverage = new("AAPL",
    [
        new SeriesCoverage("1d", "market_data", T, T.AddDays(30), 20, 21, [new CoverageGap(T.AddDays(14), T.AddDays(16), 1)]),
    ]);

    public static readonly PagedResult<CollectionLogDto> CollectionPage = new(
    [
        new CollectionLogDto(7, Guid.Parse("0190f3a4-0000-7000-8000-000000000001"), null, null, "yahoo", "1d", "succeeded",
            252, 252, 0, T, T.AddSeconds(3), 3120, null, null),
    ], 1, 50, 1, 1);

    public static readonly PagedResult<RejectedRowDto> RejectedPage = new(
    [
        new RejectedRowDto(12, Guid.Parse("0190f3a4-0000-7000-8000-000000000001"), Guid.Parse("0190f3a4-0000-7000-8000-000000000002"),
            "AAPL", "csv", "1d", T, 3, 102.1, 101.2, 100.4, 102.5, 82_488_700, "2024-01-02,102.1,101.2,100.4,102.5,82488700",
            "high 101.2 is below open 102.1", T.AddSeconds(2)),
    ], 1, 50, 1, 1);

    public static readonly List<CollectorDto> Collectors =
    [
        new("yahoo", "Yahoo Finance", ["stock", "forex", "crypto", "commodity"], ["1m", "1h", "1d"],
            new Dictionary<string, int?> { ["1m"] = 30, ["1h"] = 730, ["1d"] = null },
            new Dictionary<string, int?> { ["1m"] = 7, ["1h"] = 730, ["1d"] = null },
            [new CollectorParameterDto("includeEvents", "Also collect dividends and splits", false)], false),
    ];

    public static readonly BarsResponse Bars = new("AAPL", "stock", "1wk", "1d", "split", false, "USD",
    [
        new BarDto(T, 187.15, 188.44, 180.17, 181.18, 180.38, 287_000_000),
        new BarDto(T.AddDays(7), 182.09, 187.05, 181.5, 185.92, 185.1, 251_000_000),
    ], PriceDecimals: 2);

    public static readonly LatestBarDto Latest = new("AAPL", "1d", T, 187.15, 188.44, 183.89, 185.64, 82_488_700, 192.53, -6.89, -3.58, "USD");

    public static readonly List<WatchlistItemDto> Watchlist =
    [
        new("AAPL", "Apple Inc.", "stock", "USD", false, 185.64, -6.89, -3.58, T, [190.1, 192.53, 185.64]),
        new("SYN-1", "Synthetic walk", "stock", "USD", true, 101.2, 0.4, 0.4, T, [100.1, 100.8, 101.2]),
    ];
}
