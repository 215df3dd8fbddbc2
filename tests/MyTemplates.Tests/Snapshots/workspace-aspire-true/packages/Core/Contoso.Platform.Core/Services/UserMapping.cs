using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Core.Services;

public static class UserMapping
{
    public static User ToModel(this UserEntity user) =>
        new(user.Id, user.Email, user.Name, user.CreatedAt, user.UpdatedAt);
}
