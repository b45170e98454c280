using ScottPlot;

namespace InvestmentPlatform.Reports.Documents;

/// <summary>Renders a report's charts to PNG with ScottPlot, in the font the PDF uses.</summary>
public static class ReportCharts
{
    public static byte[] Png(ReportChart chart, int width, int height, string fontFamily)
    {
        var plot = new Plot();
        plot.Font.Set(fontFamily);
        foreach (var line in chart.Lines)
        {
            var xs = line.Times.Select(t => t.ToOADate()).ToArray();
            var ys = line.Values.Select(v => chart.Percent ? v * 100 : v).ToArray();
            var scatter = plot.Add.ScatterLine(xs, ys);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 1.5f;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title(chart.Title);
        plot.YLabel(chart.Percent ? $"{chart.Axis} (%)" : chart.Axis);
        if (chart.Lines.Count > 1)
            plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
