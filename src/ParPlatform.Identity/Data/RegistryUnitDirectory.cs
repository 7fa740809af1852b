using Npgsql;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Data;

/// <summary>
/// The tenant access rule's view of the registry inside the identity service itself: a unit's
/// province, read across tenants (the rule runs before any tenant scope is set).
/// </summary>
internal sealed class RegistryUnitDirectory(NpgsqlDataSource dataSource) : IUnitDirectory
{
    public async Task<string?> FindProvinceAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('{RowLevelSecurity.AllTenantsSetting}', 'on', true); " +
            $"SELECT province_code FROM \"{IdentityDbContext.Schema}\".units WHERE unit_code = @code",
            connection, transaction);
        command.Parameters.AddWithValue("code", unitCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var province = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
        await reader.CloseAsync();
        await transaction.CommitAsync(cancellationToken);
        return province;
    }
}
