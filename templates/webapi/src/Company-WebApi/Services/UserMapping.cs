using Company.WebApi.Db;
using Company.WebApi.Models;

namespace Company.WebApi.Services;

public static class UserMapping
{
    public static User ToModel(this UserEntity user) =>
        new(user.Id, user.Email, user.Name, user.CreatedAt, user.UpdatedAt);
}
