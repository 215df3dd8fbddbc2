using Contoso.Shop.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Db;

/// <summary>The people table; the name's length follows <see cref="PersonRules"/>, and a name is unique.</summary>
public sealed class PersonEntityConfiguration : IEntityTypeConfiguration<PersonEntity>
{
    public void Configure(EntityTypeBuilder<PersonEntity> builder)
    {
        builder.ToTable("people");
        builder.HasKey(person => person.Id);
        builder.Property(person => person.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(person => person.Name).HasColumnName("name").HasMaxLength(PersonRules.NameMaxLength);
        builder.Property(person => person.CreatedAt).HasColumnName("created_at");
        builder.Property(person => person.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(person => person.Name).IsUnique();
        builder.HasIndex(person => new { person.CreatedAt, person.Id });
    }
}
