using System.Security.Cryptography;
using System.Text;

namespace InvestmentPlatform.Api.Access;

/// <summary>Random secrets (refresh tokens, API keys, setup tokens) and the hash under which they are stored.</summary>
public static class Secrets
{
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256, hex: the secrets are long and random, so a fast hash is enough and lookups stay indexed.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
