using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Db;

public sealed class UserEntityConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public const int EmailMaxLength = 255;
    public const int NameMaxLength = 100;

    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        builder.ToTable("users");
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(user => user.Email).HasColumnName("email").HasMaxLength(EmailMaxLength);
        builder.Property(user => user.Name).HasColumnName("name").HasMaxLength(NameMaxLength);
        builder.Property(user => user.CreatedAt).HasColumnName("created_at");
        builder.Property(user => user.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(user => user.Email).IsUnique();
        builder.HasIndex(user => new { user.CreatedAt, user.Id });
    }
}
