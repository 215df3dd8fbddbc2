using Contoso.Shop.Db;
using Contoso.Shop.Models;

namespace Contoso.Shop.Services;

public static class UserMapping
{
    public static User ToModel(this UserEntity user) =>
        new(user.Id, user.Email, user.Name, user.CreatedAt, user.UpdatedAt);
}
