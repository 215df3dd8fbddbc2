using Company.Platform.Core.Db;
using Company.Platform.Core.Models;

namespace Company.Platform.Core.Services;

public static class UserMapping
{
    public static User ToModel(this UserEntity user) =>
        new(user.Id, user.Email, user.Name, user.CreatedAt, user.UpdatedAt);
}
