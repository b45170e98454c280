using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvestmentPlatform.Data;

/// <summary>
/// <see cref="UtcTimes"/> for both providers: every stored time is UTC and comes back as <see cref="DateTimeKind.Utc"/>.
/// SQLite keeps no time zone at all, and PostgreSQL's timestamptz refuses a time of unspecified kind.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.AsUtc(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
