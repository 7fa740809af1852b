using System.Text.Json;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Finance;
using ParPlatform.Contracts.Identity;
using ParPlatform.Contracts.Plans;
using ParPlatform.Contracts.Staffing;

namespace ParPlatform.Reporting.Domain;

/// <summary>An agency of the unit as the registry last described it.</summary>
public sealed record AgencyState(string AgencyCode, string AgencyName, AgencyKind Kind);

/// <summary>
/// What the other services have said about one unit, as reporting keeps it (<see cref="SourceEvent"/>): the registry's
/// agencies, the dossiers service's procedure catalogue (its latest counts), finance's estimates, actuals, capital plans, disbursements, autonomy decisions, audit recommendations and
/// asset inventories, staffing's quotas, headcounts and movements, and the plans with their targets. The report's figures
/// are computed from these (<see cref="ReportFigures"/>).
/// </summary>
public sealed record UnitSources(
    IReadOnlyList<AgencyState> Agencies,
    IReadOnlyList<ProcedureCatalogueChanged> Catalogue,
    IReadOnlyList<BudgetEstimateSet> Estimates,
    IReadOnlyList<BudgetActualRecorded> Actuals,
    IReadOnlyList<CapitalPlanSet> CapitalPlans,
    IReadOnlyList<DisbursementRecorded> Disbursements,
    IReadOnlyList<AutonomyApproved> Autonomy,
    IReadOnlyList<AuditRecommendationRecorded> AuditRecommendations,
    IReadOnlyList<RemittanceRecorded> Remittances,
    IReadOnlyList<AssetInventoryProgressed> AssetInventories,
    IReadOnlyList<QuotaSet> Quotas,
    IReadOnlyList<HeadcountRecorded> Headcounts,
    IReadOnlyList<MovementsRecorded> Movements,
    IReadOnlyList<PlanIssued> Plans,
    IReadOnlyList<PlanSuperseded> SupersededPlans,
    IReadOnlyList<TargetSet> Targets)
{
    /// <summary>The kind of the registry's agency events (registered and updated speak of one agency).</summary>
    public const string Agency = "Agency";

    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static readonly UnitSources None = From([]);

    /// <summary>
    /// The targets for <paramref name="year"/> of the unit's own plans (not an agency's) that no later plan superseded, with
    /// their plan, in the plans' order of issue.
    /// </summary>
    public IReadOnlyList<(TargetSet Target, PlanIssued Plan)> PlanTargets(int year)
    {
        var superseded = SupersededPlans.Select(p => p.PlanId).ToHashSet();
        var plans = Plans.Where(p => p.AgencyCode is null && !superseded.Contains(p.PlanId)).ToDictionary(p => p.PlanId);
        return [.. Targets
            .Where(t => plans.ContainsKey(t.PlanId) && t.FromYear <= year && year <= t.ToYear)
            .OrderBy(t => plans[t.PlanId].IssueDate).ThenBy(t => t.PlanId).ThenBy(t => t.TargetId)
            .Select(t => (t, plans[t.PlanId]))];
    }

    public static UnitSources From(IEnumerable<SourceEvent> events)
    {
        var byKind = events.ToLookup(e => e.Kind, StringComparer.Ordinal);
        List<T> Of<T>(string kind) => [.. byKind[kind].Select(e => JsonSerializer.Deserialize<T>(e.Payload, Json)!)];
        List<T> Named<T>() => Of<T>(typeof(T).Name);
        return new(
            Of<AgencyState>(Agency), Named<ProcedureCatalogueChanged>(), Named<BudgetEstimateSet>(), Named<BudgetActualRecorded>(), Named<CapitalPlanSet>(), Named<DisbursementRecorded>(),
            Named<AutonomyApproved>(), Named<AuditRecommendationRecorded>(), Named<RemittanceRecorded>(),
            Named<AssetInventoryProgressed>(), Named<QuotaSet>(),
            Named<HeadcountRecorded>(), Named<MovementsRecorded>(), Named<PlanIssued>(), Named<PlanSuperseded>(), Named<TargetSet>());
    }
}
