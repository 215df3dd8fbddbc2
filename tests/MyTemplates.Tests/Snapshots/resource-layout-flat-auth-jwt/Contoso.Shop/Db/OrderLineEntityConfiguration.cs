using Contoso.Shop.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Db;

/// <summary>The order_lines table; the name's length follows <see cref="OrderLineRules"/>, and a name is unique.</summary>
public sealed class OrderLineEntityConfiguration : IEntityTypeConfiguration<OrderLineEntity>
{
    public void Configure(EntityTypeBuilder<OrderLineEntity> builder)
    {
        builder.ToTable("order_lines");
        builder.HasKey(orderLine => orderLine.Id);
        builder.Property(orderLine => orderLine.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(orderLine => orderLine.Name).HasColumnName("name").HasMaxLength(OrderLineRules.NameMaxLength);
        builder.Property(orderLine => orderLine.CreatedAt).HasColumnName("created_at");
        builder.Property(orderLine => orderLine.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(orderLine => orderLine.Name).IsUnique();
        builder.HasIndex(orderLine => new { orderLine.CreatedAt, orderLine.Id });
    }
}
