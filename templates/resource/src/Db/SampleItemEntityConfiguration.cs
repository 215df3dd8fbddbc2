using Company.WebApi.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Company.WebApi.Db;

/// <summary>The sample_items table; the name's length follows <see cref="SampleItemRules"/>, and a name is unique.</summary>
public sealed class SampleItemEntityConfiguration : IEntityTypeConfiguration<SampleItemEntity>
{
    public void Configure(EntityTypeBuilder<SampleItemEntity> builder)
    {
        builder.ToTable("sample_items");
        builder.HasKey(sampleItem => sampleItem.Id);
        builder.Property(sampleItem => sampleItem.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(sampleItem => sampleItem.Name).HasColumnName("name").HasMaxLength(SampleItemRules.NameMaxLength);
        builder.Property(sampleItem => sampleItem.CreatedAt).HasColumnName("created_at");
        builder.Property(sampleItem => sampleItem.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(sampleItem => sampleItem.Name).IsUnique();
        builder.HasIndex(sampleItem => new { sampleItem.CreatedAt, sampleItem.Id });
    }
}
