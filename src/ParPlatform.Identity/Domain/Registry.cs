using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Identity.Domain;

/// <summary>A province or centrally governed city (tỉnh / thành phố trực thuộc TW).</summary>
public sealed class Province
{
    public required string ProvinceCode { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>
/// A ward, commune or special zone: a tenant. Its registration and changes raise the events that tell the
/// other services about it. Tenant-owned row (row-level security).
/// </summary>
public sealed class Unit : Aggregate
{
    private Unit()
    {
    }

    public string UnitCode { get; private set; } = null!;

    /// <summary>Never changes: a unit that moved would be a new unit.</summary>
    public string ProvinceCode { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public UnitKind Kind { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public override string EventKey() => UnitCode;

    /// <summary>Registers the unit <paramref name="code"/> of <paramref name="province"/> at <paramref name="at"/>, raising <see cref="UnitRegistered"/>.</summary>
    public static Unit Register(string code, Province province, string name, UnitKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(province);
        var unit = new Unit { UnitCode = code, ProvinceCode = province.ProvinceCode, Name = name, Kind = kind, RegisteredAt = at, UpdatedAt = at };
        unit.Raise(new UnitRegistered
        {
            UnitCode = code, ProvinceCode = province.ProvinceCode, UnitName = name, Kind = kind, ProvinceName = province.Name, OccurredAt = at,
        });
        return unit;
    }

    /// <summary>Renames or reclassifies the unit at <paramref name="at"/>, raising <see cref="UnitUpdated"/> (with its province's name).</summary>
    public void Change(string name, UnitKind kind, Province province, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(province);
        Name = name;
        Kind = kind;
        UpdatedAt = at;
        Raise(new UnitUpdated
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, UnitName = name, Kind = kind, ProvinceName = province.Name, OccurredAt = at,
        });
    }
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

    /// <summary>When an administrator revoked the client: its OAuth client is gone, so it gets no token any more.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
