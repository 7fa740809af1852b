using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;

namespace ParPlatform.Identity.Data;

/// <summary>The identity service's own database (identitydb); its tables live in the "identity" schema.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables();
    }
}
