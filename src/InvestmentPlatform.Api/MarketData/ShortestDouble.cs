using System.Numerics;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Writes a double as the shortest decimal text that reads back to the same double, in UTF-8 — the digits
/// <c>double.ToString("R")</c> gives, at a fraction of the cost. A year of minute bars is three million numbers, and the
/// framework's formatter (Grisu with a Dragon4 fallback) was most of the bars endpoint's time; this is Ulf Adams' Ryu
/// (PLDI 2018), which finds the digits with one 64×128-bit multiplication per bound.
/// Plain notation for 1e-7 ≤ |x| &lt; 1e21 (as JavaScript prints numbers), otherwise <c>1.5E+21</c>.
/// </summary>
public static class ShortestDouble
{
    /// <summary>Enough room for any finite double: sign, 17 digits, point, and 20 zeros or an exponent.</summary>
    public const int MaxLength = 32;

    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;
    private const int Pow5InvBitCount = 125;
    private const int Pow5BitCount = 125;

    // 5^i scaled to 125 significant bits, and 2^k / 5^i rounded up, as (low, high) 64-bit pairs; computed once.
    private static readonly ulong[] Pow5Split = BuildPow5(326);
    private static readonly ulong[] Pow5InvSplit = BuildPow5Inv(342);

    /// <summary>Writes <paramref name="value"/> and returns the byte count; false for NaN and infinities, which JSON cannot hold.</summary>
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var negative = (long)bits < 0;
        var ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        var ieeeExponent = (int)((bits >> MantissaBits) & 0x7FF);
        written = 0;
        if (ieeeExponent == 0x7FF)
            return false;

        var pos = 0;
        if (negative)
            destination[pos++] = (byte)'-';
        if (ieeeExponent == 0 && ieeeMantissa == 0)
        {
            destination[pos++] = (byte)'0';
            written = pos;
            return true;
        }

        ulong digits;
        int exponent;
        if (!TrySmallInteger(ieeeMantissa, ieeeExponent, out digits, out exponent))
            (digits, exponent) = ShortestDecimal(ieeeMantissa, ieeeExponent);
        written = pos + WriteDecimal(digits, exponent, destination[pos..]);
        return true;
    }

    /// <summary>Integers below 2^53 are their own shortest form, trailing zeros moved into the exponent.</summary>
    private static bool TrySmallInteger(ulong ieeeMantissa, int ieeeExponent, out ulong digits, out int exponent)
    {
        digits = 0;
        exponent = 0;
        var m2 = (1UL << MantissaBits) | ieeeMantissa;
        var e2 = ieeeExponent - ExponentBias - MantissaBits;
        if (e2 > 0 || e2 < -MantissaBits || ieeeExponent == 0)
            return false;
        var fraction = (1UL << -e2) - 1;
        if ((m2 & fraction) != 0)
            return false;
        digits = m2 >> -e2;
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }
        return true;
    }

    /// <summary>Ryu's d2d: the shortest digits in the rounding interval, closest to the exact value, ties to even.</summary>
    private static (ulong Digits, int Exponent) ShortestDecimal(ulong ieeeMantissa, int ieeeExponent)
    {
        int e2;
        ulong m2;
        if (ieeeExponent == 0)
        {
            e2 = 1 - ExponentBias - MantissaBits - 2;
            m2 = ieeeMantissa;
        }
        else
        {
            e2 = ieeeExponent - ExponentBias - MantissaBits - 2;
            m2 = (1UL << MantissaBits) | ieeeMantissa;
        }
        var acceptBounds = (m2 & 1) == 0;
        var mv = 4 * m2;
        var mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1u : 0u;

        ulong vr, vp, vm;
        int e10;
        var vmIsTrailingZeros = false;
        var vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InvBitCount + Pow5Bits(q) - 1;
            var i = -e2 + q + k;
            var lo = Pow5InvSplit[2 * q];
            var hi = Pow5InvSplit[2 * q + 1];
            vr = MulShift64(4 * m2, lo, hi, i);
            vp = MulShift64(4 * m2 + 2, lo, hi, i);
            vm = MulShift64(4 * m2 - 1 - mmShift, lo, hi, i);
            if (q <= 21)
            {
                // Only one of mp, mv and mm can be a multiple of 5, if any.
                if (mv % 5 == 0)
                    vrIsTrailingZeros = IsMultipleOfPowerOf5(mv, q);
                else if (acceptBounds)
                    vmIsTrailingZeros = IsMultipleOfPowerOf5(mv - 1 - mmShift, q);
                else
                    vp -= IsMultipleOfPowerOf5(mv + 2, q) ? 1UL : 0UL;
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5Bits(i) - Pow5BitCount;
            var j = q - k;
            var lo = Pow5Split[2 * i];
            var hi = Pow5Split[2 * i + 1];
            vr = MulShift64(4 * m2, lo, hi, j);
            vp = MulShift64(4 * m2 + 2, lo, hi, j);
            vm = MulShift64(4 * m2 - 1 - mmShift, lo, hi, j);
            if (q <= 1)
            {
                // mv has at least q trailing zero bits, so vr is exact.
                vrIsTrailingZeros = true;
                if (acceptBounds)
                    vmIsTrailingZeros = mmShift == 1;
                else
                    vp--;
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        var removed = 0;
        var lastRemovedDigit = 0UL;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The rare general case: exact bounds and ties matter.
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = vr % 10;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = vr % 10;
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
                lastRemovedDigit = 4; // an exact tie rounds to even
            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }
            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }
        return (output, e10 + removed);
    }

    /// <summary>Writes digits × 10^exponent in plain or scientific notation; returns the byte count.</summary>
    private static int WriteDecimal(ulong digits, int exponent, Span<byte> destination)
    {
        var length = DigitCount(digits);
        var scientific = exponent + length - 1;
        if (scientific is >= -7 and < 21)
        {
            if (exponent >= 0)
            {
                WriteDigits(digits, destination[..length]);
                destination.Slice(length, exponent).Fill((byte)'0');
                return length + exponent;
            }
            if (scientific >= 0)
            {
                // Digits one place right, then the whole part moved back over the gap the point goes into.
                var whole = scientific + 1;
                WriteDigits(digits, destination.Slice(1, length));
                destination.Slice(1, whole).CopyTo(destination);
                destination[whole] = (byte)'.';
                return length + 1;
            }
            var zeros = -scientific - 1;
            destination[0] = (byte)'0';
            destination[1] = (byte)'.';
            destination.Slice(2, zeros).Fill((byte)'0');
            WriteDigits(digits, destination.Slice(2 + zeros, length));
            return 2 + zeros + length;
        }

        WriteDigits(digits, destination.Slice(1, length));
        destination[0] = destination[1];
        var pos = 1;
        if (length > 1)
        {
            destination[1] = (byte)'.';
            pos = length + 1;
        }
        destination[pos++] = (byte)'E';
        destination[pos++] = scientific < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(scientific);
        if (magnitude >= 100)
            destination[pos++] = (byte)('0' + magnitude / 100);
        if (magnitude >= 10)
            destination[pos++] = (byte)('0' + magnitude / 10 % 10);
        destination[pos++] = (byte)('0' + magnitude % 10);
        return pos;
    }

    /// <summary>Fills <paramref name="destination"/> (exactly as long as the number) right to left, two digits at a time.</summary>
    private static void WriteDigits(ulong value, Span<byte> destination)
    {
        var pairs = TwoDigits;
        var i = destination.Length;
        while (value >= 100)
        {
            var rest = value / 100;
            var pair = (int)(value - rest * 100) * 2;
            destination[--i] = pairs[pair + 1];
            destination[--i] = pairs[pair];
            value = rest;
        }
        if (value >= 10)
        {
            destination[1] = pairs[(int)value * 2 + 1];
            destination[0] = pairs[(int)value * 2];
        }
        else
        {
            destination[0] = (byte)('0' + (int)value);
        }
    }

    private static int DigitCount(ulong value)
    {
        // log10 from log2 (1233/4096 ≈ log10 2), corrected by one comparison.
        var guess = ((BitOperations.Log2(value) + 1) * 1233) >> 12;
        return guess + (value >= PowersOf10[guess] ? 1 : 0);
    }

    private static ReadOnlySpan<byte> TwoDigits =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static readonly ulong[] PowersOf10 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>(m × (hi·2^64 + lo)) >> j, for j ≥ 64 + 51 as Ryu guarantees here.</summary>
    private static ulong MulShift64(ulong m, ulong lo, ulong hi, int j)
    {
        var low1High = Math.BigMul(m, lo, out _);
        var high2 = Math.BigMul(m, hi, out var low2);
        var sum = low2 + low1High;
        if (sum < low2)
            high2++;
        var shift = j - 64;
        return (sum >> shift) | (high2 << (64 - shift));
    }

    private static bool IsMultipleOfPowerOf5(ulong value, int p)
    {
        var count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }
        return count >= p;
    }

    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static ulong[] BuildPow5(int count)
    {
        var table = new ulong[2 * count];
        for (var i = 0; i < count; i++)
        {
            var pow = BigInteger.Pow(5, i);
            var bits = (int)pow.GetBitLength();
            var scaled = bits >= Pow5BitCount ? pow >> (bits - Pow5BitCount) : pow << (Pow5BitCount - bits);
            table[2 * i] = (ulong)(scaled & ulong.MaxValue);
            table[2 * i + 1] = (ulong)(scaled >> 64);
        }
        return table;
    }

    private static ulong[] BuildPow5Inv(int count)
    {
        var table = new ulong[2 * count];
        for (var i = 0; i < count; i++)
        {
            var pow = BigInteger.Pow(5, i);
            var bits = (int)pow.GetBitLength();
            var inverse = (BigInteger.One << (bits - 1 + Pow5InvBitCount)) / pow + 1;
            table[2 * i] = (ulong)(inverse & ulong.MaxValue);
            table[2 * i + 1] = (ulong)(inverse >> 64);
        }
        return table;
    }
}
