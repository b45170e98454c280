using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Rejections;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_chunk_keeps_its_rejected_rows
{
    [Fact]
    public void Should_count_every_row_keep_the_first_ones_and_hand_each_to_one_part()
    {
        var rejections = new ChunkRejections(keep: 3);

        rejections.Add([Row("a"), Row("b")]);
        var firstMark = rejections.Mark;
        rejections.Add([Row("c"), Row("d")]);
        var first = rejections.Take(firstMark);
        var second = rejections.Take(rejections.Mark);
        var third = rejections.Take(rejections.Mark);

        Assert.Equal(4, rejections.Total);
        Assert.Equal(["a", "b"], first.Rows!.Select(r => r.Reason));
        Assert.Equal(["c"], second.Rows!.Select(r => r.Reason));
        Assert.Null(third.Rows);
        Assert.Equal([0, 2, 3], new[] { first.FirstIndex, second.FirstIndex, third.FirstIndex });
    }

    [Fact]
    public void Should_bound_the_text_and_drop_numbers_that_are_not_finite()
    {
        var row = ChunkRejections.ForWire(new RejectedRow(null, 2, new string('r', 2_000), double.NaN, 2, double.PositiveInfinity, 1, -1,
            new string('x', 10_000)));

        Assert.Equal(IngestionRejection.MaxReasonLength, row.Reason.Length);
        Assert.Equal(IngestionRejection.MaxRawLength, row.Raw!.Length);
        Assert.EndsWith("…", row.Raw);
        Assert.Equal(((double?)null, (double?)2, (double?)null, (double?)1, (double?)-1), (row.Open, row.High, row.Low, row.Close, row.Volume));
    }

    private static RejectedRow Row(string reason) => new(null, null, reason);
}
