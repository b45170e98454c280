using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Trading.Orders;

namespace InvestmentPlatform.Trading.Tests;

public class When_an_order_changes_state
{
    [Theory]
    [InlineData(OrderStatuses.New, OrderStatuses.Accepted)]
    [InlineData(OrderStatuses.New, OrderStatuses.Rejected)]
    [InlineData(OrderStatuses.Accepted, OrderStatuses.PartiallyFilled)]
    [InlineData(OrderStatuses.Accepted, OrderStatuses.Filled)]
    [InlineData(OrderStatuses.Accepted, OrderStatuses.Cancelled)]
    [InlineData(OrderStatuses.Accepted, OrderStatuses.Expired)]
    [InlineData(OrderStatuses.PartiallyFilled, OrderStatuses.PartiallyFilled)]
    [InlineData(OrderStatuses.PartiallyFilled, OrderStatuses.Filled)]
    [InlineData(OrderStatuses.PartiallyFilled, OrderStatuses.Cancelled)]
    [InlineData(OrderStatuses.PartiallyFilled, OrderStatuses.Expired)]
    public void Should_allow_the_moves_of_the_lifecycle(string from, string to) => Assert.True(OrderTransitions.CanMove(from, to));

    [Theory]
    [InlineData(OrderStatuses.New, OrderStatuses.Filled)]
    [InlineData(OrderStatuses.Rejected, OrderStatuses.Accepted)]
    [InlineData(OrderStatuses.Filled, OrderStatuses.Cancelled)]
    [InlineData(OrderStatuses.Cancelled, OrderStatuses.Filled)]
    [InlineData(OrderStatuses.Expired, OrderStatuses.PartiallyFilled)]
    [InlineData(OrderStatuses.Accepted, OrderStatuses.New)]
    public void Should_refuse_every_other_move(string from, string to)
    {
        Assert.False(OrderTransitions.CanMove(from, to));
        Assert.Throws<InvalidOperationException>(() => OrderTransitions.Check(Guid.NewGuid(), from, to));
    }
}
