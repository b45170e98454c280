using System.Security.Cryptography;
using System.Text;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// Run ids derived from what caused the run, so the same cause in two processes (or after a crash and
/// redelivery) inserts the same primary key and only one of them wins.
/// </summary>
public static class RunIds
{
    public static Guid ForFiring(Guid jobId, DateTime scheduledUtc) => From($"fire:{jobId:N}:{scheduledUtc.Ticks}");

    public static Guid ForDependent(Guid chainId, Guid jobId) => From($"dependent:{chainId:N}:{jobId:N}");

    public static Guid ForRetry(Guid failedRunId) => From($"retry:{failedRunId:N}");

    private static Guid From(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bytes = hash[..16].ToArray();
        // Version 8 (custom) and the RFC 4122 variant, so the value is a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
