namespace InvestmentPlatform.Api.Access;

public sealed record LoginRequest(string? Username, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record SetupRequest(string? Token, string? Username, string? Password);
public sealed record SetupState(bool Required);
public sealed record CurrentUserDto(string Id, string UserName, string Role, Guid? ApiKeyId);

public sealed record UserDto(string Id, string UserName, string Role, bool Disabled, DateTime? LockedUntil, DateTime CreatedAt);
public sealed record CreateUserRequest(string? UserName, string? Password, string? Role);
public sealed record UpdateUserRequest(string? Role, bool? Disabled, string? Password);

public sealed record ApiKeyDto(
    Guid Id, string Name, string Prefix, string Scope, bool Metrics, string OwnerId, string OwnerName,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);
public sealed record CreateApiKeyRequest(string? Name, string? Scope, bool? Metrics, DateTime? ExpiresAt);
/// <summary>The only answer that ever carries the key itself.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);

public sealed record AuditEntryDto(long Id, DateTime Time, string? UserId, string? UserName, Guid? ApiKeyId, string Method, string Path, string Changes);
