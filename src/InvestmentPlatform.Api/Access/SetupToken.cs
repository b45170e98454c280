namespace InvestmentPlatform.Api.Access;

/// <summary>
/// The one-time token of the first-start setup link: made when the database has no user and no bootstrap password
/// is configured, consumed when the admin chooses a password. Kept in memory: it is only good for this process's life.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock _lock = new();
    private string? _hash;

    public bool IsOpen
    {
        get { lock (_lock) return _hash is not null; }
    }

    public string Open()
    {
        var token = Secrets.New("ips_");
        lock (_lock) _hash = Secrets.Hash(token);
        return token;
    }

    /// <returns>Whether the token was the open one; it is closed either way only when it matched.</returns>
    public bool TryConsume(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return false;
        lock (_lock)
        {
            if (_hash is null || !Secrets.FixedTimeEquals(_hash, Secrets.Hash(token)))
                return false;
            _hash = null;
            return true;
        }
    }
}
