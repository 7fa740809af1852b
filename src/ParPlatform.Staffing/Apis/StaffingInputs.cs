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
