using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Contoso.Platform.Core.Db;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
