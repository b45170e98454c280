using InvestmentPlatform.Ingestion.Loading;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_deciding_whether_a_chunk_has_every_part
{
    private const int Last = 1 << 30;

    [Theory]
    [InlineData(0b1 | Last, true)]
    [InlineData(0b111 | Last, true)]
    [InlineData(0b111, false)]
    [InlineData(0b101 | Last, false)]
    [InlineData(0b110 | Last, false)]
    [InlineData(Last, false)]
    public void Should_need_the_last_part_and_every_part_before_it(int partsLoaded, bool complete) =>
        Assert.Equal(complete, PartLoader.IsComplete(partsLoaded));
}
