using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Portfolio;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Portfolio;

/// <summary>A euro holding valued in dollars: its return split into what the price did and what the rate did.</summary>
public sealed class When_a_return_is_split_into_local_and_currency
{
    [Fact]
    public void Should_give_ten_percent_each_for_a_price_and_a_rate_that_both_rose_ten_percent()
    {
        // 100 EUR at 1.10 USD becomes 110 EUR at 1.21 USD: 121 / 110 - 1 = 21 %, local 10 %, currency 10 %.
        var total = 110 * 1.21 / (100 * 1.10) - 1;
        var local = 110 * 1.10 / (100 * 1.10) - 1;

        var (l, c) = PortfolioReturns.SplitCurrency([total], [local]);

        Near(0.21, total, 1e-12);
        Near(0.10, l, 1e-12);
        Near(0.10, c, 1e-12);
    }

    [Fact]
    public void Should_compound_local_and_currency_returns_to_the_total_to_1e_12()
    {
        var prices = Enumerable.Range(0, 250).Select(i => 100 * Math.Exp(0.3 * Math.Sin(i / 7.0) + i / 500.0)).ToArray();
        var rates = Enumerable.Range(0, 250).Select(i => 1.08 + 0.05 * Math.Cos(i / 11.0)).ToArray();
        var total = new List<double>();
        var local = new List<double>();
        for (var t = 1; t < prices.Length; t++)
        {
            total.Add(prices[t] * rates[t] / (prices[t - 1] * rates[t - 1]) - 1);
            local.Add(prices[t] * rates[t - 1] / (prices[t - 1] * rates[t - 1]) - 1);
        }

        var (l, c) = PortfolioReturns.SplitCurrency(total, local);
        var twr = ReturnMetrics.TotalReturn([.. total]);

        Assert.True(Math.Abs((1 + l!.Value) * (1 + c!.Value) - (1 + twr)) <= 1e-12, $"(1 + {l}) (1 + {c}) vs 1 + {twr}");
        Near(prices[^1] / prices[0] - 1, l, 1e-12);
        Near(rates[^1] / rates[0] - 1, c, 1e-12);
    }

    [Fact]
    public void Should_have_none_without_a_day() => Assert.Equal((null, null), PortfolioReturns.SplitCurrency([], []));
}
