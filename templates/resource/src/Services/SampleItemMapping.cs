using Company.WebApi.Db;
using Company.WebApi.Models;

namespace Company.WebApi.Services;

public static class SampleItemMapping
{
    public static SampleItem ToModel(this SampleItemEntity sampleItem) =>
        new(sampleItem.Id, sampleItem.Name, sampleItem.CreatedAt, sampleItem.UpdatedAt);
}
