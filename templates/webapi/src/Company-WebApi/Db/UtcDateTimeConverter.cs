using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Company.WebApi.Db;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
