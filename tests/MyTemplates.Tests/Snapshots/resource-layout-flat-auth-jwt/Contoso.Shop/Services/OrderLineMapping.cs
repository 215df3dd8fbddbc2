using Contoso.Shop.Db;
using Contoso.Shop.Models;

namespace Contoso.Shop.Services;

public static class OrderLineMapping
{
    public static OrderLine ToModel(this OrderLineEntity orderLine) =>
        new(orderLine.Id, orderLine.Name, orderLine.CreatedAt, orderLine.UpdatedAt);
}
