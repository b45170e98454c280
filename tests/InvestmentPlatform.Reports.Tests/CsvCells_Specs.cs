using InvestmentPlatform.Reports.Exports;

namespace InvestmentPlatform.Reports.Tests;

public class When_text_goes_into_a_csv_cell
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 20 555", "'+31 20 555")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("AAPL", "AAPL")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Should_be_text_to_a_spreadsheet(string? value, string expected) => Assert.Equal(expected, CsvCells.Escape(value));

    [Fact]
    public void Should_join_a_line_of_escaped_cells() =>
        Assert.Equal("a,'=b,\"c,d\"\n", CsvCells.Line(["a", "=b", "c,d"]));
}
