namespace ParPlatform.Staffing.Apis;

/// <summary>
/// A quota the province assigned for a year (whole unit, or an agency by its registry code): civil servants, public employees
/// paid from the state budget and from the unit's own revenue; provisional ("tạm giao") or not; the decision and its date.
/// </summary>
public sealed record QuotaInput(
    string? AgencyCode, int? CivilServants, int? BudgetPaidPublicEmployees, int? SelfPaidPublicEmployees, bool? Provisional, string? Decision,
    DateOnly? DecidedOn);

/// <summary>The one-stop centre's staff by role: director, TTHC-control officers, receiving officers.</summary>
public sealed record OneStopInput(int? Directors, int? ProcedureControlOfficers, int? ReceivingOfficers);

/// <summary>
/// The staff in post on a date (whole unit, or an agency by its registry code): civil servants, public employees and, when
/// known, their split budget-paid / self-paid; those with a university degree or above; the one-stop centre's roles.
/// </summary>
public sealed record HeadcountInput(
    DateOnly? AsOf, string? AgencyCode, int? CivilServants, int? PublicEmployees, int? BudgetPaidPublicEmployees, int? SelfPaidPublicEmployees,
    int? CivilServantsWithDegree, int? PublicEmployeesWithDegree, OneStopInput? OneStop);

/// <summary>How many were disciplined at a level (see DisciplineLevel) in the period, and how many of them hold a leading post.</summary>
public sealed record DisciplineInput(string? Level, int? Staff, int? Leaders);

/// <summary>
/// A period's movements and people management; a count left out (null) was not reported. <see cref="Discipline"/>: one line
/// per level, empty when nobody was disciplined ("Không có trường hợp … bị xử lý kỷ luật"), null when not reported.
/// </summary>
public sealed record MovementsInput(
    int? RecruitedCivilServants, int? RecruitedPublicEmployees, int? TransferredToCivilService, int? TransferredOut, int? Retired, int? Resigned,
    IReadOnlyList<DisciplineInput>? Discipline, int? PromotionRegistrations, int? TrainingPlanned, int? TrainingCompleted);

/// <summary>An agency's job-position scheme: reviewed; approved, on a date, by a decision.</summary>
public sealed record JobPositionSchemeInput(bool? Reviewed, bool? Approved, DateOnly? ApprovedOn, string? Decision);
