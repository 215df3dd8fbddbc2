using Contoso.Shop.Db;
using Contoso.Shop.Models;

namespace Contoso.Shop.Services;

public static class ProductMapping
{
    public static Product ToModel(this ProductEntity product) =>
        new(product.Id, product.Name, product.CreatedAt, product.UpdatedAt);
}
