using Contoso.Shop.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Db;

/// <summary>The products table; the name's length follows <see cref="ProductRules"/>, and a name is unique.</summary>
public sealed class ProductEntityConfiguration : IEntityTypeConfiguration<ProductEntity>
{
    public void Configure(EntityTypeBuilder<ProductEntity> builder)
    {
        builder.ToTable("products");
        builder.HasKey(product => product.Id);
        builder.Property(product => product.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(product => product.Name).HasColumnName("name").HasMaxLength(ProductRules.NameMaxLength);
        builder.Property(product => product.CreatedAt).HasColumnName("created_at");
        builder.Property(product => product.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(product => product.Name).IsUnique();
        builder.HasIndex(product => new { product.CreatedAt, product.Id });
    }
}
