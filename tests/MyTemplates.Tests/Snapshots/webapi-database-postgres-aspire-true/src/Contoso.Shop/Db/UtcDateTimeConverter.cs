using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Contoso.Shop.Db;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
