namespace ParPlatform.Plans.Domain;

/// <summary>A document a plan is based on (căn cứ, thực hiện): "76/NQ-CP", 15/7/2021, "Chính phủ", its title.</summary>
public sealed record LegalBasis(string Number, DateOnly Date, string Issuer, string Title);

/// <summary>A named phase of a multi-year plan: "2026–2027" from 2026 to 2027.</summary>
public sealed record PlanPhase(string Name, int FromYear, int ToYear);

/// <summary>Who issues a plan: the province (Ủy ban nhân dân tỉnh), a unit, or an agency of a unit.</summary>
public enum PlanIssuerLevel
{
    Province,
    Unit,
    Agency,
}

/// <summary>draft → issued → superseded (by its revision, once that is issued).</summary>
public enum PlanStatus
{
    Draft,
    Issued,
    Superseded,
}

/// <summary>
/// A group of bodies a task names without naming one: "Các phòng, đơn vị thuộc UBND phường" (<see cref="AllAgencies"/>),
/// "Các phòng liên quan" (<see cref="RelatedAgencies"/>), "Các đơn vị được kiểm tra" (<see cref="InspectedBodies"/>).
/// </summary>
public enum BodyGroup
{
    AllAgencies,
    RelatedAgencies,
    InspectedBodies,
}

/// <summary>
/// A body that leads or cooperates on a task: one of the unit's registered bodies (by its code) or a group; a cooperating
/// body may have a role ("theo dõi, đôn đốc, kiểm tra").
/// </summary>
public sealed record BodyRef(string? AgencyCode, BodyGroup? Group, string? Role = null);

