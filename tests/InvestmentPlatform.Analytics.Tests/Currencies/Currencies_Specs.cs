using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Currencies;

public sealed class When_a_currency_code_is_read
{
    [Theory]
    [InlineData("GBp", "GBp", "GBP", 100)]
    [InlineData("GBX", "GBX", "GBP", 100)]
    [InlineData("ZAc", "ZAc", "ZAR", 100)]
    [InlineData("ILA", "ILA", "ILS", 100)]
    [InlineData("ila", "ILA", "ILS", 100)]
    [InlineData("gbp", "GBP", "GBP", 1)]
    [InlineData(" USD ", "USD", "USD", 1)]
    public void Should_know_minor_units_by_their_fixed_ratio(string code, string kept, string major, double perMajor)
    {
        var unit = CurrencyUnit.Parse(code);

        Assert.Equal(new CurrencyUnit(kept, major, perMajor), unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EURO")]
    [InlineData("U$D")]
    public void Should_refuse_what_is_not_a_code(string? code) => Assert.Null(CurrencyUnit.Parse(code));

    [Fact]
    public void Should_refuse_a_bad_target_with_a_400_on_the_currency_field()
    {
        var refused = Assert.Throws<AnalyticsException>(() => CurrencyConverter.ParseTarget("EURO"));

        Assert.Equal((AnalyticsErrorKind.Invalid, "currency"), (refused.Kind, refused.Field));
        Assert.Null(CurrencyConverter.ParseTarget(" "));
    }

    [Theory]
    [InlineData("EURUSD=X", "EUR", "USD")]
    [InlineData("JPY=X", "USD", "JPY")]
    [InlineData("gbp/usd", "GBP", "USD")]
    [InlineData("EURGBP", "EUR", "GBP")]
    public void Should_read_the_pair_a_symbol_names(string symbol, string baseCurrency, string quote) =>
        Assert.Equal(new FxPair(baseCurrency, quote), FxPair.FromSymbol(symbol));

    [Fact]
    public void Should_not_read_a_pair_from_a_stock_symbol() => Assert.Null(FxPair.FromSymbol("VOD.L"));
}

public sealed class When_a_route_between_currencies_is_found
{
    private static readonly FxPair EurUsd = new("EUR", "USD"), UsdJpy = new("USD", "JPY"), EurGbp = new("EUR", "GBP"),
        EurChf = new("EUR", "CHF"), GbpUsd = new("GBP", "USD"), EurJpy = new("EUR", "JPY");

    private static IReadOnlyList<(FxPair Pair, bool Invert)>? Find(string from, string to, params FxPair[] stored) =>
        CurrencyRoutes.Find(stored, p => p, from, to);

    [Fact]
    public void Should_take_the_pair_itself_or_its_inverse_first()
    {
        Assert.Equal([(EurJpy, false)], Find("EUR", "JPY", EurUsd, UsdJpy, EurJpy)!);
        Assert.Equal([(EurJpy, true)], Find("JPY", "EUR", EurUsd, UsdJpy, EurJpy)!);
    }

    [Fact]
    public void Should_go_through_USD_before_EUR()
    {
        Assert.Equal([(EurUsd, false), (UsdJpy, false)], Find("EUR", "JPY", EurUsd, UsdJpy)!);
        Assert.Equal([(UsdJpy, true), (EurUsd, true)], Find("JPY", "EUR", EurUsd, UsdJpy)!);
        var usdChf = new FxPair("USD", "CHF");
        Assert.Equal([(GbpUsd, false), (usdChf, false)], Find("GBP", "CHF", EurGbp, EurChf, GbpUsd, usdChf)!);
    }

    [Fact]
    public void Should_go_through_EUR_when_USD_has_no_route()
    {
        Assert.Equal([(EurGbp, true), (EurChf, false)], Find("GBP", "CHF", EurGbp, EurChf, GbpUsd)!);
    }

    [Fact]
    public void Should_find_none_without_pairs_and_nothing_to_do_for_one_currency()
    {
        Assert.Null(Find("GBP", "JPY", EurUsd, EurChf));
        Assert.Empty(Find("GBP", "GBP")!);
    }
}

public sealed class When_prices_are_converted_at_stored_rates
{
    private static readonly CurrencyUnit Usd = CurrencyUnit.Parse("USD")!, Eur = CurrencyUnit.Parse("EUR")!, Jpy = CurrencyUnit.Parse("JPY")!,
        Pence = CurrencyUnit.Parse("GBp")!;
    private static readonly TimeSpan FourDays = TimeSpan.FromDays(4);

    private static ConversionLeg Leg(long id, string symbol, bool invert = false) => new(id, symbol, FxPair.FromSymbol(symbol)!, "1d", invert);

    private static TimeSeries Rates(params (int Day, double Rate)[] points) => TimeSeries.From(points.Select(p => (Day(p.Day), p.Rate)));

    [Fact]
    public void Should_turn_pence_into_dollars_through_pounds_and_GBPUSD()
    {
        var conversion = new CurrencyConversion(Pence, Usd, Usd.PerMajor / Pence.PerMajor, [Leg(1, "GBPUSD=X")], FourDays);
        var rates = new RateTable(conversion, [Rates((0, 1.25), (1, 1.26))]);

        // 7050 GBp = 70.50 GBP = 70.50 x 1.25 USD.
        Near(88.125, 7050 * rates.RateAt(Day(0)));
        Near(70.5 * 1.26, 7050 * rates.RateAt(Day(1)));
    }

    [Fact]
    public void Should_triangulate_EURJPY_through_USD_as_computed_by_hand()
    {
        var conversion = new CurrencyConversion(Eur, Jpy, 1, [Leg(1, "EURUSD=X"), Leg(2, "USDJPY=X")], FourDays);
        var rates = new RateTable(conversion, [Rates((0, 1.0850), (1, 1.0921)), Rates((0, 157.20), (1, 158.40))]);

        Near(170.562, rates.RateAt(Day(0)), 1e-12);
        Near(172.98864, rates.RateAt(Day(1)), 1e-12);

        var back = new CurrencyConversion(Jpy, Eur, 1, [Leg(2, "USDJPY=X", invert: true), Leg(1, "EURUSD=X", invert: true)], FourDays);
        Near(0.005862970649968927, new RateTable(back, [Rates((0, 157.20)), Rates((0, 1.0850))]).RateAt(Day(0)), 1e-12);
    }

    [Fact]
    public void Should_carry_the_last_rate_forward_only_within_the_maximum_age()
    {
        var conversion = new CurrencyConversion(Eur, Usd, 1, [Leg(1, "EURUSD=X")], FourDays);
        var rates = new RateTable(conversion, [Rates((0, 1.0850), (3, 1.0900))]);

        Near(1.0850, rates.RateAt(Day(2)));
        Near(1.0900, rates.RateAt(Day(7)));
        Assert.Null(rates.RateAt(Day(7).AddSeconds(1)));
        var stale = rates.MissingAt(Day(8))!;
        Assert.Contains("EURUSD=X", stale);
        Assert.Contains("the last one is from 2024-01-04", stale);
    }

    [Fact]
    public void Should_have_no_rate_at_all_rather_than_one_where_a_leg_is_missing()
    {
        var conversion = new CurrencyConversion(Eur, Jpy, 1, [Leg(1, "EURUSD=X"), Leg(2, "USDJPY=X")], FourDays);
        var rates = new RateTable(conversion, [Rates((0, 1.0850)), Rates((5, 157.20))]);

        Assert.Null(rates.RateAt(Day(1)));
        var missing = rates.MissingAt(Day(1))!;
        Assert.Contains("No USDJPY=X rate", missing);
        Assert.Contains("EUR into JPY", missing);
        Assert.Null(new RateTable(conversion, [Rates(), Rates()]).RateAt(Day(0)));
    }

    [Fact]
    public void Should_convert_between_a_minor_unit_and_its_major_currency_by_the_fixed_ratio_alone()
    {
        var conversion = new CurrencyConversion(Pence, CurrencyUnit.Parse("GBP")!, 0.01, [], FourDays);

        Assert.False(conversion.IsIdentity);
        Near(0.01, new RateTable(conversion, []).RateAt(Day(0)));
    }
}
