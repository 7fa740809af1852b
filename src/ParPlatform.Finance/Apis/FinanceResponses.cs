using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Apis;

/// <summary>An amount: in đồng (JSON number) and printed in millions ("3.969,4").</summary>
public sealed record AmountResponse(Money Dong, string Millions)
{
    public static AmountResponse From(Money amount) => new(amount, amount.ToMillionsText());

    public static AmountResponse? From(Money? amount) => amount is { } a ? From(a) : null;
}

public sealed record BudgetItemResponse(string Code, BudgetItemKind Kind, string Name)
{
    public static BudgetItemResponse From(BudgetItem item) => new(item.Code, item.Kind, item.Name);
}

public sealed record FundingSourceResponse(string Code, string Name)
{
    public static FundingSourceResponse From(FundingSource source) => new(source.Code, source.Name);
}

/// <summary>One estimate as decided; revision 1 is the first.</summary>
public sealed record EstimateResponse(
    Guid Id, string ItemCode, EstimateBasis Basis, AmountResponse Amount, DateOnly DecidedOn, int Revision, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static EstimateResponse From(BudgetEstimate e) =>
        new(e.Id, e.ItemCode, e.Basis, AmountResponse.From(e.Amount), e.DecidedOn, e.Revision, e.RecordedBy, e.RecordedAt);
}

public sealed record ActualResponse(Guid Id, string ItemCode, DateOnly AsOf, AmountResponse Amount, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ActualResponse From(BudgetActual a) => new(a.Id, a.ItemCode, a.AsOf, AmountResponse.From(a.Amount), a.RecordedBy, a.RecordedAt);
}

/// <summary>
/// A budget item as of a date: the estimates in force (province-assigned, the unit's own), the latest year-to-date actual
/// and the actual as a rate of each estimate (<c>Finance.RevenueVsEstimate</c> for a revenue item).
/// </summary>
public sealed record BudgetItemFigures(
    string ItemCode, string Name, BudgetItemKind Kind, string? IndicatorCode, AmountResponse? ProvinceEstimate, AmountResponse? OwnEstimate,
    AmountResponse? Actual, DateOnly? ActualAsOf, MoneyRate? VsProvinceEstimate, MoneyRate? VsOwnEstimate)
{
    /// <summary>An item's figures from the estimates in force and the latest actual (with its date), each null when there is none.</summary>
    public static BudgetItemFigures Of(BudgetItem item, Money? province, Money? own, Money? actual, DateOnly? actualAsOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BudgetItemFigures(item.Code, item.Name, item.Kind, item.Kind == BudgetItemKind.Revenue ? BudgetReport.RevenueVsEstimate : null,
            AmountResponse.From(province), AmountResponse.From(own), AmountResponse.From(actual), actualAsOf,
            actual is { } a && province is { } p ? MoneyRate.Of(a, p) : null,
            actual is { } b && own is { } o ? MoneyRate.Of(b, o) : null);
    }
}

/// <summary>The violations in the use of administrative funds counted up to a date (<c>Finance.AdminBudgetViolations</c>, target 0).</summary>
public sealed record ViolationCount(string IndicatorCode, int Count, DateOnly AsOf);

/// <summary>
/// A unit's budget of a year as of a date, item by item in the list's order, with its PAR budget line and the violations in
/// the use of administrative funds counted by then (null when none was recorded by then).
/// </summary>
public sealed record BudgetReport(int Year, DateOnly AsOf, IReadOnlyList<BudgetItemFigures> Items, AmountResponse? ParFunding, ViolationCount? AdminFundViolations)
{
    public const string RevenueVsEstimate = "Finance.RevenueVsEstimate";

    public const string AdminBudgetViolations = "Finance.AdminBudgetViolations";

    public static BudgetReport From(int year, DateOnly asOf, Budget? budget, IReadOnlyList<BudgetItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (budget is null)
            return new BudgetReport(year, asOf, [], null, null);
        var figures = items
            .Where(item => budget.Estimates.Any(e => e.ItemCode == item.Code) || budget.Actuals.Any(a => a.ItemCode == item.Code))
            .Select(item =>
            {
                var actual = budget.ActualAsOf(item.Code, asOf);
                return BudgetItemFigures.Of(item, budget.EstimateInForce(item.Code, EstimateBasis.ProvinceAssigned, asOf)?.Amount,
                    budget.EstimateInForce(item.Code, EstimateBasis.UnitOwn, asOf)?.Amount, actual?.Amount, actual?.AsOf);
            })
            .ToList();
        var violations = budget.AdminFundViolationsAsOf is { } countedTo && countedTo <= asOf
            ? new ViolationCount(AdminBudgetViolations, budget.AdminFundViolations!.Value, countedTo)
            : null;
        return new BudgetReport(year, asOf, figures, AmountResponse.From(budget.ParFunding), violations);
    }
}

/// <summary>Planned and disbursed as of a date, and their rate (<c>Finance.DisbursementRate</c>).</summary>
public sealed record DisbursementLine(string? SourceCode, string? SourceName, string? Project, AmountResponse Planned, AmountResponse Disbursed, MoneyRate Rate)
{
    public static DisbursementLine Of(string? sourceCode, string? sourceName, string? project, Money planned, Money disbursed) =>
        new(sourceCode, sourceName, project, AmountResponse.From(planned), AmountResponse.From(disbursed), MoneyRate.Of(disbursed, planned));
}

public sealed record DisbursementResponse(
    Guid Id, DateOnly Date, string SourceCode, string? Project, AmountResponse Amount, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DisbursementResponse From(Disbursement d) =>
        new(d.Id, d.Date, d.SourceCode, d.Project, AmountResponse.From(d.Amount), d.RecordedBy, d.RecordedAt);
}

/// <summary>
/// A capital plan as of a date: its total, per funding source and per project (a source's allocation without a project is a
/// line of its own), each planned, disbursed by the date and the rate; the disbursements; the window of its disbursement.
/// </summary>
public sealed record CapitalPlanReport(
    int Year, DateOnly AsOf, string IndicatorCode, DateOnly DisbursableFrom, DateOnly DisbursableUntil, DisbursementLine Total,
    IReadOnlyList<DisbursementLine> Sources, IReadOnlyList<DisbursementLine> Projects, IReadOnlyList<DisbursementResponse> Disbursements)
{
    public const string DisbursementRate = "Finance.DisbursementRate";

    public static CapitalPlanReport From(CapitalPlan plan, DateOnly asOf, IReadOnlyList<FundingSource> sources)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sources);
        var lines = plan.Allocations
            .Select(a => (Allocation: a, Disbursed: plan.Disbursed(a.SourceCode, a.Project, asOf)))
            .OrderBy(l => sources.FirstOrDefault(s => s.Code == l.Allocation.SourceCode)?.Ordinal)
            .ThenBy(l => l.Allocation.Project, StringComparer.Ordinal)
            .ToList();
        var bySource = lines.GroupBy(l => l.Allocation.SourceCode)
            .Select(g => DisbursementLine.Of(g.Key, sources.FirstOrDefault(s => s.Code == g.Key)?.Name, null,
                g.Select(l => l.Allocation.Amount).Sum(), g.Select(l => l.Disbursed).Sum()))
            .ToList();
        var projects = lines.Where(l => l.Allocation.Project is not null)
            .Select(l => DisbursementLine.Of(l.Allocation.SourceCode, sources.FirstOrDefault(s => s.Code == l.Allocation.SourceCode)?.Name,
                l.Allocation.Project, l.Allocation.Amount, l.Disbursed))
            .ToList();
        return new CapitalPlanReport(plan.Year, asOf, DisbursementRate, plan.FirstDisbursementDay, CapitalPlan.LastDisbursementDay(plan.Year),
            DisbursementLine.Of(null, null, null, plan.Total, lines.Select(l => l.Disbursed).Sum()), bySource, projects,
            [.. plan.Disbursements.Where(d => d.Date <= asOf).OrderBy(d => d.Date).ThenBy(d => d.Id).Select(DisbursementResponse.From)]);
    }
}

public sealed record ServiceUnitAutonomyResponse(string Code, string Name, AutonomyGroup Group, DateOnly ApprovedOn, string? Decision)
{
    public static ServiceUnitAutonomyResponse From(ServiceUnitAutonomy a) => new(a.Code, a.Name, a.Group, a.ApprovedOn, a.Decision);
}

/// <summary>One of the six lines of the report: the group, the line as printed, the count and the count as printed ("không có", "01 đơn vị").</summary>
public sealed record AutonomyLine(AutonomyGroup Group, string Line, int Count, string Text);

/// <summary>
/// The unit's public service units with an approved plan of financial autonomy as of a date: how many ("09"), all six
/// groups' lines in the report's order, and the units.
/// </summary>
public sealed record AutonomyReport(DateOnly AsOf, int Approved, string ApprovedText, IReadOnlyList<AutonomyLine> Groups, IReadOnlyList<ServiceUnitAutonomyResponse> ServiceUnits)
{
    public static AutonomyReport From(DateOnly asOf, IReadOnlyList<ServiceUnitAutonomy> approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var inForce = approved.Where(a => a.ApprovedOn <= asOf).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        return new AutonomyReport(asOf, inForce.Count, $"{inForce.Count:00}",
            [.. ServiceUnitAutonomy.Lines.Select(l => new AutonomyLine(l.Group, l.Line, inForce.Count(a => a.Group == l.Group),
                UnitCount.Text(inForce.Count(a => a.Group == l.Group))))],
            [.. inForce.Select(ServiceUnitAutonomyResponse.From)]);
    }
}

public sealed record RemittanceResponse(Guid Id, DateOnly Date, AmountResponse Amount, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static RemittanceResponse From(AuditRemittance r) => new(r.Id, r.Date, AmountResponse.From(r.Amount), r.RecordedBy, r.RecordedAt);
}

public sealed record AuditRecommendationResponse(
    Guid Id, string Reference, DateOnly IssuedOn, AmountResponse ToRemit, AmountResponse Remitted, IReadOnlyList<RemittanceResponse> Remittances)
{
    public static AuditRecommendationResponse From(AuditRecommendation r, DateOnly asOf) => new(r.Id, r.Reference, r.IssuedOn,
        AmountResponse.From(r.ToRemit), AmountResponse.From(r.RemittedBy(asOf)),
        [.. r.Remittances.Where(m => m.Date <= asOf).OrderBy(m => m.Date).ThenBy(m => m.Id).Select(RemittanceResponse.From)]);
}

/// <summary>
/// The unit's audit recommendations issued by a date and what was remitted by then: <c>Finance.AuditRemittanceRate</c>
/// (null with none), and the report's text: "chưa được thanh tra, kiểm toán" with none, never 0%.
/// </summary>
public sealed record AuditReport(
    DateOnly AsOf, string IndicatorCode, AmountResponse ToRemit, AmountResponse Remitted, MoneyRate? Rate, string Text,
    IReadOnlyList<AuditRecommendationResponse> Recommendations)
{
    public const string AuditRemittanceRate = "Finance.AuditRemittanceRate";

    public static AuditReport From(DateOnly asOf, IReadOnlyList<AuditRecommendation> recommendations)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var issued = recommendations.Where(r => r.IssuedOn <= asOf).OrderBy(r => r.IssuedOn).ThenBy(r => r.Id).ToList();
        var toRemit = issued.Select(r => r.ToRemit).Sum();
        var remitted = issued.Select(r => r.RemittedBy(asOf)).Sum();
        var rate = issued.Count == 0 ? null : MoneyRate.Of(remitted, toRemit);
        var text = rate is null
            ? AuditRecommendation.NoneText
            : $"{remitted.ToMillionsText()}/{toRemit.ToMillionsText()} triệu đồng, đạt {rate.TextOneDecimal}";
        return new AuditReport(asOf, AuditRemittanceRate, AmountResponse.From(toRemit), AmountResponse.From(remitted), rate, text,
            [.. issued.Select(r => AuditRecommendationResponse.From(r, asOf))]);
    }
}

public sealed record AssetTypeResponse(string Form, string Name);

/// <summary>An asset type of the inventory with the subjects that registered it by the date, counted as printed ("16 đơn vị").</summary>
public sealed record AssetTypeLine(string Form, string Name, int Subjects, string Text);

public sealed record InventorySubjectResponse(
    string Code, string Name, DateOnly? TeamFormedOn, DateOnly? RegisteredOn, IReadOnlyList<string> AssetForms, DateOnly? ReportSubmittedOn)
{
    public static InventorySubjectResponse From(InventorySubject s) =>
        new(s.Code, s.Name, s.TeamFormedOn, s.RegisteredOn, s.AssetForms, s.ReportSubmittedOn);
}

/// <summary>
/// An inventory of public assets as of a date, the figures of the report's "Công tác tổng kiểm kê tài sản công" (001:137-149):
/// the asset types registered of those counted ("03/19"), each type's subjects ("16 đơn vị", "01 đơn vị"), the subjects
/// that formed their team and registered, on time ("16/16"), and the reports sent by the deadline ("trước 31/3/2026"), late
/// or not yet. Dates after <see cref="AsOf"/> do not count.
/// </summary>
public sealed record InventoryReport(
    string Code, string Name, string? Decision, DateOnly AsOf, int AssetTypeCount, int RegisteredTypes, string RegisteredTypesText,
    IReadOnlyList<AssetTypeLine> AssetTypes, int Subjects, int TeamsFormed, int Registered, int RegisteredOnTime, string RegisteredText,
    DateOnly? RegistrationDeadline, DateOnly ReportDeadline, string ReportDeadlineText, int ReportsOnTime, int ReportsLate, int ReportsMissing,
    IReadOnlyList<InventorySubjectResponse> SubjectList)
{
    public static InventoryReport From(AssetInventory inventory, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        static bool By(DateOnly? date, DateOnly limit) => date is { } d && d <= limit;
        var subjects = inventory.Subjects.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var registered = subjects.Where(s => By(s.RegisteredOn, asOf)).ToList();
        var types = inventory.AssetTypes.OrderBy(t => t.Ordinal)
            .Select(t => (Type: t, Subjects: registered.Count(s => s.AssetForms.Contains(t.Form))))
            .Where(t => t.Subjects > 0)
            .Select(t => new AssetTypeLine(t.Type.Form, t.Type.Name, t.Subjects, UnitCount.Text(t.Subjects)))
            .ToList();
        var ready = subjects.Count(s => By(s.TeamFormedOn, asOf) && By(s.RegisteredOn, asOf));
        var onTime = subjects.Count(s => By(s.TeamFormedOn, asOf) && By(s.RegisteredOn, asOf)
            && (inventory.RegistrationDeadline is not { } deadline || s.RegisteredOn <= deadline));
        var sent = subjects.Where(s => By(s.ReportSubmittedOn, asOf)).ToList();
        var sentOnTime = sent.Count(s => s.ReportSubmittedOn <= inventory.ReportDeadline);
        var due = inventory.ReportDeadline;
        return new InventoryReport(inventory.Code, inventory.Name, inventory.Decision, asOf, inventory.AssetTypeCount, types.Count,
            $"{types.Count:00}/{inventory.AssetTypeCount}", types, subjects.Count, subjects.Count(s => By(s.TeamFormedOn, asOf)), registered.Count,
            onTime, $"{ready}/{subjects.Count}", inventory.RegistrationDeadline, due, $"trước {due.Day}/{due.Month}/{due.Year}", sentOnTime,
            sent.Count - sentOnTime, subjects.Count - sent.Count, [.. subjects.Select(InventorySubjectResponse.From)]);
    }
}

public sealed record AssetDisposalResponse(Guid Id, DateOnly Date, string Asset, string? Decision, string Note, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static AssetDisposalResponse From(AssetDisposal d) => new(d.Id, d.Date, d.Asset, d.Decision, d.Note, d.RecordedBy, d.RecordedAt);
}
