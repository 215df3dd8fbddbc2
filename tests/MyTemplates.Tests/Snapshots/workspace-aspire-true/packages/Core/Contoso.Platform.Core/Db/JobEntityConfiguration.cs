using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Platform.Core.Db;

/// <summary>The jobs table; the claim query in <c>JobRepository</c> names these columns.</summary>
public sealed class JobEntityConfiguration : IEntityTypeConfiguration<JobEntity>
{
    public void Configure(EntityTypeBuilder<JobEntity> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(job => job.Id);
        builder.Property(job => job.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(job => job.Kind).HasColumnName("kind").HasMaxLength(100);
        builder.Property(job => job.Payload).HasColumnName("payload");
        builder.Property(job => job.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(job => job.Attempts).HasColumnName("attempts");
        builder.Property(job => job.RunAfter).HasColumnName("run_after");
        builder.Property(job => job.LockedBy).HasColumnName("locked_by").HasMaxLength(200);
        builder.Property(job => job.LockedUntil).HasColumnName("locked_until");
        builder.Property(job => job.LastError).HasColumnName("last_error");
        builder.Property(job => job.CreatedAt).HasColumnName("created_at");
        builder.Property(job => job.CompletedAt).HasColumnName("completed_at");
        // 55 characters: version, trace id, span id and flags (00-{32 hex}-{16 hex}-{2 hex}).
        builder.Property(job => job.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        // The claim looks for pending jobs that are due, oldest first.
        builder.HasIndex(job => new { job.Status, job.RunAfter });
    }
}
