using ParPlatform.Contracts.Plans;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Indicators;

namespace ParPlatform.Plans.Domain;

public sealed record PhaseInput(string? Name, int? FromYear, int? ToYear);

public sealed record LegalBasisInput(string? Number, DateOnly? Date, string? Issuer, string? Title);

/// <summary>A lead or cooperating body: a registered body's code, or a group ("all-agencies", "related-agencies", "inspected-bodies"); and a role.</summary>
public sealed record BodyInput(string? AgencyCode, string? Group, string? Role);

public sealed record TargetInput(
    string? Code, string? Area, string? Text, string? IndicatorCode, string? Comparator, decimal? Threshold, string? Phase, string? Field,
    string? Channel, Guid? SourceTargetId);

/// <summary>A task; <see cref="Timeframe"/> as the plan writes it ("Quý I/2026", "Thường xuyên", …).</summary>
public sealed record TaskInput(
    string? Code, string? Area, string? Group, string? Content, string? Output, string? Criterion, string? IndicatorCode, string? Comparator,
    decimal? Threshold, IReadOnlyList<BodyInput>? Leads, IReadOnlyList<BodyInput>? Cooperating, string? Timeframe, bool? ProvinceAssigned,
    string? Note);

/// <summary>
/// A plan as a client writes it (the whole draft at once); <see cref="AgencyCode"/> makes it an agency's plan (one of the unit's
/// registered bodies).
/// </summary>
public sealed record PlanInput(
    string? IssuerName, string? Title, int? FromYear, int? ToYear, IReadOnlyList<PhaseInput>? Phases, string? Symbol, bool? DecisionAttachment,
    IReadOnlyList<LegalBasisInput>? LegalBases, string? Purposes, string? Requirements, DateOnly? AgencyPlansDueDate, Guid? ParentPlanId,
    string? AgencyCode, IReadOnlyList<TargetInput>? Targets, IReadOnlyList<TaskInput>? Tasks)
{
    public const int MaxTargets = 500;
    public const int MaxTasks = 5_000;

    /// <summary>
    /// The content, or the field errors that stop it. <paramref name="bodies"/> are the codes of the unit's registered bodies
    /// (null for a province plan, whose tasks name groups only).
    /// </summary>
    public (PlanContent? Content, FieldErrors Errors) Validate(IReadOnlySet<string>? bodies)
    {
        var errors = new FieldErrors();
        errors.RequireText("issuerName", IssuerName, 300);
        errors.RequireText("title", Title, 1000);
        errors.RequireText("symbol", Symbol, 50);
        if (FromYear is not (>= 2000 and <= 2100))
            errors.Add("fromYear", "Năm bắt đầu từ 2000 đến 2100.");
        if (ToYear is not { } to || to < (FromYear ?? 0) || to > (FromYear ?? 0) + 10)
            errors.Add("toYear", "Năm kết thúc không trước năm bắt đầu, và kế hoạch dài nhất 10 năm.");
        var phases = new List<PlanPhase>();
        foreach (var (phase, i) in (Phases ?? []).Select((p, i) => (p, i)))
        {
            errors.RequireText($"phases[{i}].name", phase?.Name, 50);
            if (phase?.FromYear is not { } pf || phase.ToYear is not { } pt || pf > pt || pf < FromYear || pt > ToYear)
                errors.Add($"phases[{i}].fromYear", "Giai đoạn nằm trong các năm của kế hoạch, năm đầu không sau năm cuối.");
            else if (!string.IsNullOrWhiteSpace(phase.Name))
                phases.Add(new PlanPhase(phase.Name.Trim(), pf, pt));
        }
        if (phases.GroupBy(p => p.Name).Any(g => g.Count() > 1))
            errors.Add("phases", "Tên các giai đoạn không trùng nhau.");
        var bases = new List<LegalBasis>();
        foreach (var (basis, i) in (LegalBases ?? []).Select((b, i) => (b, i)))
        {
            errors.RequireText($"legalBases[{i}].number", basis?.Number, 100);
            errors.RequireText($"legalBases[{i}].issuer", basis?.Issuer, 300);
            errors.RequireText($"legalBases[{i}].title", basis?.Title, 1000);
            if (basis?.Date is null)
                errors.Add($"legalBases[{i}].date", "Không được để trống.");
            else if (!string.IsNullOrWhiteSpace(basis.Number) && !string.IsNullOrWhiteSpace(basis.Issuer) && !string.IsNullOrWhiteSpace(basis.Title))
                bases.Add(new LegalBasis(basis.Number.Trim(), basis.Date.Value, basis.Issuer.Trim(), basis.Title.Trim()));
        }
        Optional(errors, "purposes", Purposes, 20_000);
        Optional(errors, "requirements", Requirements, 20_000);
        if (AgencyCode is not null && (bodies is null || !bodies.Contains(AgencyCode)))
            errors.Add("agencyCode", "Không có cơ quan, đơn vị này trong danh mục của đơn vị.");
        if ((Targets?.Count ?? 0) > MaxTargets)
            errors.Add("targets", $"Tối đa {MaxTargets} chỉ tiêu.");
        if ((Tasks?.Count ?? 0) > MaxTasks)
            errors.Add("tasks", $"Tối đa {MaxTasks} nhiệm vụ.");
        var phaseNames = phases.Select(p => p.Name).ToHashSet();
        var targets = (Targets ?? []).Select((t, i) => TargetOf(t, $"targets[{i}]", phaseNames, errors)).ToList();
        var tasks = (Tasks ?? []).Select((t, i) => TaskOf(t, $"tasks[{i}]", bodies, errors)).ToList();
        if (errors.Any)
            return (null, errors);
        return (new PlanContent(
            IssuerName!.Trim(), Title!.Trim(), FromYear!.Value, ToYear!.Value, phases, Symbol!.Trim(), DecisionAttachment ?? false, bases,
            Purposes?.Trim(), Requirements?.Trim(), AgencyPlansDueDate, ParentPlanId, [.. targets.Select(t => t!)], [.. tasks.Select(t => t!)]), errors);
    }

    private static TargetContent? TargetOf(TargetInput? input, string at, HashSet<string> phases, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add(at, "Không được để trống.");
            return null;
        }
        var before = errors.ToDictionary().Count;
        Optional(errors, $"{at}.code", input.Code, 20);
        var area = AreaOf(input.Area, $"{at}.area", errors);
        errors.RequireText($"{at}.text", input.Text, 4000);
        var measure = MeasureOf(input.IndicatorCode, input.Comparator, input.Threshold, at, errors);
        if (input.Phase is not null && !phases.Contains(input.Phase))
            errors.Add($"{at}.phase", "Không có giai đoạn này trong kế hoạch.");
        Optional(errors, $"{at}.field", input.Field, 200);
        Optional(errors, $"{at}.channel", input.Channel, 100);
        return errors.ToDictionary().Count > before ? null
            : new TargetContent(Trim(input.Code), area, input.Text!.Trim(), measure, input.Phase, Trim(input.Field), Trim(input.Channel), input.SourceTargetId);
    }

    private static TaskContent? TaskOf(TaskInput? input, string at, IReadOnlySet<string>? bodies, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add(at, "Không được để trống.");
            return null;
        }
        var before = errors.ToDictionary().Count;
        Optional(errors, $"{at}.code", input.Code, 20);
        var area = AreaOf(input.Area, $"{at}.area", errors);
        Optional(errors, $"{at}.group", input.Group, 1000);
        errors.RequireText($"{at}.content", input.Content, 4000);
        Optional(errors, $"{at}.output", input.Output, 4000);
        Optional(errors, $"{at}.criterion", input.Criterion, 4000);
        if (!string.IsNullOrWhiteSpace(input.Output) && !string.IsNullOrWhiteSpace(input.Criterion))
            errors.Add($"{at}.criterion", "Nhiệm vụ có sản phẩm đầu ra hoặc tiêu chí đánh giá, không có cả hai.");
        var measure = MeasureOf(input.IndicatorCode, input.Comparator, input.Threshold, at, errors);
        if (measure is not null && string.IsNullOrWhiteSpace(input.Criterion))
            errors.Add($"{at}.criterion", "Tiêu chí đo được cần lời văn của tiêu chí.");
        var leads = BodiesOf(input.Leads, $"{at}.leads", bodies, errors, roles: false);
        var cooperating = BodiesOf(input.Cooperating, $"{at}.cooperating", bodies, errors, roles: true);
        var timeframe = Timeframe.Parse(input.Timeframe);
        if (timeframe is null)
            errors.Add($"{at}.timeframe", Timeframe.FormatError);
        Optional(errors, $"{at}.note", input.Note, 2000);
        return errors.ToDictionary().Count > before ? null
            : new TaskContent(Trim(input.Code), area, Trim(input.Group), input.Content!.Trim(), Trim(input.Output), Trim(input.Criterion), measure,
                leads, cooperating, timeframe!, input.ProvinceAssigned ?? false, Trim(input.Note));
    }

    private static List<BodyRef> BodiesOf(IReadOnlyList<BodyInput>? inputs, string at, IReadOnlySet<string>? bodies, FieldErrors errors, bool roles)
    {
        var refs = new List<BodyRef>();
        foreach (var (input, i) in (inputs ?? []).Select((b, i) => (b, i)))
        {
            var field = $"{at}[{i}]";
            var group = input?.Group is null ? null : EnumNames.Parse<BodyGroup>(input.Group);
            if (input is null || (input.AgencyCode is null) == (input.Group is null))
                errors.Add(field, "Nêu mã cơ quan (agencyCode) hoặc nhóm (group), một trong hai.");
            else if (input.Group is not null && group is null)
                errors.Add($"{field}.group", $"Nhóm là {string.Join(", ", EnumNames.All<BodyGroup>().Select(n => $"\"{n}\""))}.");
            else if (input.AgencyCode is not null && (bodies is null || !bodies.Contains(input.AgencyCode)))
                errors.Add($"{field}.agencyCode", "Không có cơ quan, đơn vị này trong danh mục của đơn vị.");
            else if (!roles && input.Role is not null)
                errors.Add($"{field}.role", "Chỉ cơ quan phối hợp có vai trò.");
            else if (input.Role is { Length: > 500 })
                errors.Add($"{field}.role", "Tối đa 500 ký tự.");
            else
                refs.Add(new BodyRef(input.AgencyCode, group, Trim(input.Role)));
        }
        return refs;
    }

    internal static ParArea? AreaOf(string? area, string field, FieldErrors errors)
    {
        if (area is null)
            return null;
        if (EnumNames.Parse<ParArea>(area) is { } parsed)
            return parsed;
        errors.Add(field, $"Lĩnh vực là {string.Join(", ", EnumNames.All<ParArea>().Select(n => $"\"{n}\""))}.");
        return null;
    }

    private static Measure? MeasureOf(string? indicatorCode, string? comparator, decimal? threshold, string at, FieldErrors errors)
    {
        if (indicatorCode is null && comparator is null && threshold is null)
            return null;
        var indicator = IndicatorCatalogue.Find(indicatorCode);
        var parsed = EnumNames.Parse<TargetComparator>(comparator);
        if (indicator is null)
            errors.Add($"{at}.indicatorCode", "Không có chỉ số này trong danh mục chỉ số (ví dụ \"Dossiers.OnTimeRate\").");
        if (parsed is null)
            errors.Add($"{at}.comparator", $"Phép so sánh là {string.Join(", ", EnumNames.All<TargetComparator>().Select(n => $"\"{n}\""))}.");
        if (threshold is null)
            errors.Add($"{at}.threshold", "Chỉ tiêu đo được cần ngưỡng.");
        else if (indicator is not null && Measure.ThresholdProblem(indicator, threshold.Value) is { } problem)
            errors.Add($"{at}.threshold", problem);
        return indicator is null || parsed is null || threshold is null ? null : new Measure(indicator.Code, parsed.Value, threshold.Value);
    }

    private static void Optional(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
            errors.Add(field, $"Tối đa {maxLength} ký tự.");
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
