using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvestmentPlatform.Data;

/// <summary>
/// The platform's one time convention, for both providers: every stored time is UTC and comes back as
/// <see cref="DateTimeKind.Utc"/>. SQLite keeps no time zone at all, and PostgreSQL's timestamptz refuses a time of
/// unspecified kind, so a time of unspecified kind is taken as UTC and a local one is converted.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
