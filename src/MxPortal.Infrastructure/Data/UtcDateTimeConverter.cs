using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MxPortal.Infrastructure.Data;

/// <summary>
/// Every <see cref="DateTime"/> is UTC: written as UTC (PostgreSQL's timestamptz demands it) and read back with
/// <see cref="DateTimeKind.Utc"/> (SQLite would otherwise return Unspecified and a later ToUniversalTime would shift it).
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
