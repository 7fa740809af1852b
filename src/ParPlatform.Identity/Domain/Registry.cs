using ParPlatform.Contracts.Identity;

namespace ParPlatform.Identity.Domain;

/// <summary>A province or centrally governed city (tỉnh / thành phố trực thuộc TW).</summary>
public sealed class Province
{
    public required string ProvinceCode { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>A ward, commune or special zone: a tenant. Tenant-owned row (row-level security).</summary>
public sealed class Unit
{
    public required string UnitCode { get; init; }

    /// <summary>Never changes: a unit that moved would be a new unit.</summary>
    public required string ProvinceCode { get; init; }

    public required string Name { get; set; }

    public UnitKind Kind { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The event that publishes this unit's registration (UpdatedAt is its time).</summary>
    public UnitRegistered Registered(string provinceName) => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, UnitName = Name, Kind = Kind, ProvinceName = provinceName, OccurredAt = UpdatedAt,
    };

    /// <summary>The event that publishes this unit's latest change (UpdatedAt is its time).</summary>
    public UnitUpdated Updated(string provinceName) => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, UnitName = Name, Kind = Kind, ProvinceName = provinceName, OccurredAt = UpdatedAt,
    };
}

/// <summary>
/// An agency inside a unit (cơ quan, đơn vị thuộc UBND cấp xã): the Office, the Economic and the
/// Culture–Social offices, the one-stop centre, public service units. Tenant-owned row.
/// </summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    /// <summary>Short code unique in the unit, e.g. "van-phong"; carried in its officers' tokens.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }
}

/// <summary>
/// A system subscribed for listed units or for one province (read-only). Its secret is kept
/// (hashed) by the OAuth server as the client's; this row says what it may read.
/// </summary>
public sealed class IntegratorClient
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; set; }

    public string? ProvinceCode { get; set; }

    public List<string> UnitCodes { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; init; }
}
