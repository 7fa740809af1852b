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
/// A body of a unit's registry (<see cref="AgencyKind"/>): an agency of its People's Committee (the Office, the Economic and
/// the Culture–Social offices, the one-stop centre), a public service unit, or another body that leads or cooperates on
/// the unit's work (its police, a steering committee, the Fatherland Front, a higher-level agency located in the unit).
/// Its registration and changes raise the events that tell the other services about it. Tenant-owned row.
/// </summary>
public sealed class Agency : Aggregate
{
    private Agency()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    /// <summary>Short code unique in the unit, e.g. "van-phong"; carried in its officers' tokens; never changes.</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public AgencyKind Kind { get; private set; }

    /// <summary>The unit's events keep their order with its bodies' (a body's events follow its unit's registration).</summary>
    public override string EventKey() => UnitCode;

    /// <summary>Registers the body <paramref name="code"/> of <paramref name="unit"/> at <paramref name="at"/>, raising <see cref="AgencyRegistered"/>.</summary>
    public static Agency Register(Unit unit, string code, string name, AgencyKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var agency = new Agency { UnitCode = unit.UnitCode, ProvinceCode = unit.ProvinceCode, Code = code, Name = name, Kind = kind };
        agency.Raise(new AgencyRegistered
        {
            UnitCode = unit.UnitCode, ProvinceCode = unit.ProvinceCode, AgencyCode = code, AgencyName = name, Kind = kind, OccurredAt = at,
        });
        return agency;
    }

    /// <summary>Renames or reclassifies the body at <paramref name="at"/>, raising <see cref="AgencyUpdated"/>; nothing when neither changes.</summary>
    public void Change(string name, AgencyKind kind, DateTimeOffset at)
    {
        if (name == Name && kind == Kind)
            return;
        Name = name;
        Kind = kind;
        Raise(new AgencyUpdated { UnitCode = UnitCode, ProvinceCode = ProvinceCode, AgencyCode = Code, AgencyName = name, Kind = kind, OccurredAt = at });
    }
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
