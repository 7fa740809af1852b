using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>How far a procedure can be done online (dịch vụ công trực tuyến).</summary>
public enum OnlineLevel
{
    /// <summary>Toàn trình: entirely online.</summary>
    Full,

    /// <summary>Một phần: partly online.</summary>
    Partial,

    None,
}

/// <summary>
/// An administrative procedure (thủ tục hành chính) a unit's one-stop desk handles, with its
/// statutory time limit. Tenant-owned row (row-level security); its code is unique in the unit.
/// </summary>
public sealed class Procedure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    /// <summary>The procedure's code in the national database, e.g. "1.001612".</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>Lĩnh vực, e.g. "Hộ tịch", "Đất đai".</summary>
    public required string Field { get; set; }

    public decimal TimeLimitAmount { get; set; }

    public TimeLimitUnit TimeLimitUnit { get; set; }

    /// <summary>Fee in whole đồng (0 when free).</summary>
    public long Fee { get; set; }

    public OnlineLevel OnlineLevel { get; set; }

    /// <summary>Liên thông: handled together with another level of government.</summary>
    public bool InterLevel { get; set; }

    /// <summary>Still received; an inactive procedure keeps its history.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public TimeLimit TimeLimit => new(TimeLimitAmount, TimeLimitUnit);
}
