using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Contracts.Identity;
using ParPlatform.Identity.Data;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>The names the identity database holds for each enum.</summary>
[Collection(SharedIdentity.Name)]
public sealed class EnumStorageTests(IdentityFixture identity)
{
    /// <summary>What the rows of identitydb hold, written out by hand.</summary>
    private static readonly Dictionary<Type, string[]> StoredNames = new()
    {
        [typeof(UnitKind)] = ["Ward", "Commune", "SpecialZone"],
        [typeof(AgencyKind)] = ["Administrative", "PublicService", "Police", "SteeringCommittee", "FatherlandFront", "HigherLevel", "School"],
    };

    [Fact]
    public void Every_enum_column_stores_its_member_names_in_a_column_wide_enough()
    {
        using var scope = identity.Service.Services.CreateScope();
        EnumColumns.AssertStoredByName(scope.ServiceProvider.GetRequiredService<IdentityDbContext>(), StoredNames);
    }
}
