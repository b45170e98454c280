namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// A standard Brownian path over step indices [0, 2^Depth], built as a Brownian bridge on a dyadic tree.
/// The value at every index depends only on the key and the index, never on which range is asked for, so
/// overlapping requests see identical values; a range of n indices costs O(n + Depth).
/// </summary>
internal sealed class SyntheticPath(ulong key)
{
    private const int Depth = 40;
    private const long Horizon = 1L << Depth;

    /// <summary>Writes W(k) for k in [first, last] into <paramref name="values"/>[k - first].</summary>
    public void Fill(long first, long last, double[] values)
    {
        var end = Math.Sqrt(Horizon) * Normal(key, Horizon);
        Fill(0, Horizon, 0, end, first, last, values);
    }

    public double At(long index)
    {
        var one = new double[1];
        Fill(index, index, one);
        return one[0];
    }

    private void Fill(long a, long b, double wa, double wb, long first, long last, double[] values)
    {
        if (b < first || a > last)
            return;
        if (b - a == 1)
        {
            if (a >= first && a <= last) values[a - first] = wa;
            if (b >= first && b <= last) values[b - first] = wb;
            return;
        }
        var mid = a + (b - a) / 2;
        // Brownian bridge: the midpoint given both ends has mean (wa+wb)/2 and variance (b-a)/4.
        var wm = 0.5 * (wa + wb) + 0.5 * Math.Sqrt(b - a) * Normal(key, mid);
        Fill(a, mid, wa, wm, first, last, values);
        Fill(mid, b, wm, wb, first, last, values);
    }

    public static double Normal(ulong key, long index)
    {
        var bits = Mix(key ^ Mix((ulong)index + 0x9E3779B97F4A7C15UL));
        var u1 = ((bits >> 11) + 1) * (1.0 / 9007199254740993.0);
        var u2 = (Mix(bits) >> 11) * (1.0 / 9007199254740992.0);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double Uniform(ulong key, long index) =>
        (Mix(key ^ Mix((ulong)index * 0xD6E8FEB86659FD93UL + 1)) >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the parts, so the key is stable across processes (string.GetHashCode is not).</summary>
    public static ulong Key(params string[] parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            hash ^= 0xFF;
            hash *= 1099511628211UL;
        }
        return Mix(hash);
    }
}
