using Contoso.Platform.Core.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Platform.Core.Db;

/// <summary>The users table; column lengths follow the request rules in <see cref="UserRules"/>.</summary>
public sealed class UserEntityConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        builder.ToTable("users");
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(user => user.Email).HasColumnName("email").HasMaxLength(UserRules.EmailMaxLength);
        builder.Property(user => user.Name).HasColumnName("name").HasMaxLength(UserRules.NameMaxLength);
        builder.Property(user => user.CreatedAt).HasColumnName("created_at");
        builder.Property(user => user.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(user => user.Email).IsUnique();
        builder.HasIndex(user => new { user.CreatedAt, user.Id });
    }
}
