using Contoso.Shop.Db;
using Contoso.Shop.Models;

namespace Contoso.Shop.Services;

public static class PersonMapping
{
    public static Person ToModel(this PersonEntity person) =>
        new(person.Id, person.Name, person.CreatedAt, person.UpdatedAt);
}
