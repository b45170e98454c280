namespace InvestmentPlatform.Formatting.Bench;

/// <summary>
/// A deterministic mix of the bars the endpoint serves, by share of rows: stocks quoted to the cent with integer volumes
/// and a dividend-adjusted close, stock prices that went through float (Yahoo's feed), crypto majors with fractional
/// volumes, small coins quoted to 1e-8 (some below 1e-5), FX pairs to 1e-5 without volume, and split-adjusted bars
/// that the query multiplies by a factor, plus the API bench's sine series.
/// </summary>
public static class RealisticBars
{
    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>(name, share in percent, first price, tick, volume kind) of each kind of series.</summary>
    private static readonly (string Name, int Percent, double Price, double Tick, VolumeKind Volume)[] Kinds =
    [
        ("stock, cents", 30, 187.23, 0.01, VolumeKind.Shares),
        ("stock via float", 15, 187.23, 0.01, VolumeKind.Shares),
        ("stock, split-adjusted", 10, 187.23, 0.01, VolumeKind.Shares),
        ("crypto major", 15, 43251.17, 0.01, VolumeKind.Coins),
        ("small coin", 8, 0.000123, 1e-8, VolumeKind.Coins),
        ("micro coin (< 1e-5)", 2, 0.00001234, 1e-10, VolumeKind.Coins),
        ("fx", 15, 1.08745, 1e-5, VolumeKind.None),
        ("api bench sine", 5, 100, 0, VolumeKind.Shares),
    ];

    private enum VolumeKind { Shares, Coins, None }

    public static IReadOnlyList<string> KindNames => [.. Kinds.Select(k => k.Name)];

    /// <summary><paramref name="count"/> bars, each with the index of its kind, in blocks of 1,000 as series come.</summary>
    public static (Bar[] Bars, int[] Kind) Generate(int count, int seed = 20261128)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var kinds = new int[count];
        var block = 0;
        while (block < count)
        {
            var kind = PickKind(random);
            var length = Math.Min(1_000, count - block);
            var (_, _, price, tick, volume) = Kinds[kind];
            for (var i = block; i < block + length; i++)
            {
                price = Math.Max(tick * 10, price * (1 + (random.NextDouble() - 0.5) * 0.002));
                bars[i] = MakeBar(kind, i, price, tick, volume, random);
                kinds[i] = kind;
            }
            block += length;
        }
        return (bars, kinds);
    }

    private static int PickKind(Random random)
    {
        var roll = random.Next(100);
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            roll -= Kinds[kind].Percent;
            if (roll < 0)
                return kind;
        }
        return 0;
    }

    private static Bar MakeBar(int kind, int i, double price, double tick, VolumeKind volumeKind, Random random)
    {
        var time = Start.AddMinutes(i);
        if (Kinds[kind].Name == "api bench sine")
        {
            // What bench/InvestmentPlatform.Api.Bench stores: full binary noise in every price.
            var s = Math.Sin(i / 500.0) * 10;
            return new Bar(time, 100 + s, 101 + s, 99 + s, 100.5 + s, 100.5 + s, 1000 + i % 97);
        }

        var open = OnTick(price, tick);
        var close = OnTick(price * (1 + (random.NextDouble() - 0.5) * 0.002), tick);
        var high = Math.Max(open, close) + OnTick(price * random.NextDouble() * 0.001, tick);
        var low = Math.Max(tick, Math.Min(open, close) - OnTick(price * random.NextDouble() * 0.001, tick));
        double? volume = volumeKind switch
        {
            VolumeKind.Shares => random.Next(1_000, 60_000_000),
            VolumeKind.Coins => Math.Round(random.NextDouble() * 5_000, 8),
            _ => null,
        };
        double? adjClose = volumeKind == VolumeKind.None ? null : close;

        switch (Kinds[kind].Name)
        {
            case "stock, cents":
                adjClose = close * 0.98731; // dividends since then
                break;
            case "stock via float":
                // Stored from single precision: 187.23f is 187.2299957275390625.
                (open, high, low, close) = ((float)open, (float)high, (float)low, (float)close);
                adjClose = (float)(close * 0.98731);
                break;
            case "stock, split-adjusted":
                // adjust=split: the query multiplies prices by the factor and volumes by its inverse.
                const double factor = 1.0 / 3;
                (open, high, low, close, adjClose) = (open * factor, high * factor, low * factor, close * factor, adjClose * factor);
                volume *= 3;
                break;
        }
        return new Bar(time, open, high, low, close, adjClose, volume);
    }

    private static double OnTick(double value, double tick) => Math.Round(Math.Round(value / tick) * tick, 10);
}
