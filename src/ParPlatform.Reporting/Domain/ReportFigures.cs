using System.Globalization;
using ParPlatform.Contracts.Finance;
using ParPlatform.Contracts.Identity;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>
/// A figure the report prints, computed from the services' records: its code (the template's placeholder), what it is,
/// its time base in words, and its value, a number (counts, rates in percent, amounts in đồng), a date or a text; when the
/// unit replaced the number, <see cref="Override"/> keeps the computed one and the reason.
/// </summary>
public sealed record ComputedFigure(
    string Code, string Label, string TimeBase, decimal? Number = null, DateOnly? Date = null, string? Text = null, FigureOverride? Override = null)
{
    /// <summary>The figures with the unit's replacements of their numbers (a replacement of a figure without a number is not applied).</summary>
    public static IReadOnlyList<ComputedFigure> WithOverrides(IEnumerable<ComputedFigure> figures, IEnumerable<ReportOverride> overrides)
    {
        var replaced = overrides.ToDictionary(o => o.Code, StringComparer.Ordinal);
        return [.. figures.Select(f => f.Number is not null && replaced.TryGetValue(f.Code, out var o)
            ? f with { Number = o.Value, Override = new FigureOverride(f.Number.Value, o.Reason, o.By, o.At) }
            : f)];
    }
}

/// <summary>A figure the unit replaced: the number the services' records gave, why it was replaced, by whom and when.</summary>
public sealed record FigureOverride(decimal Computed, string Reason, string By, DateTimeOffset At);

/// <summary>The dossiers' side of the report's figures: form II.06a over the window, and the counts "to date".</summary>
public sealed record DossierFigures(StatisticsRow Window, long FeedbackToDate, long ReceivedToDate, long DigitisedToDate);

/// <summary>
/// Every computed figure of a unit's periodic report (INVENTORY.md section 1), each over its own time base: the data window
/// (the one-stop desk, ratings), the period (staff movements), "to date" from the window's start or ever (feedback,
/// digitisation), the year to date (revenue, expenditure, from 01/01 to the latest figures recorded by the report's date),
/// the previous year's capital plan as disbursed by its last day, 31/01, the current year's plan, the quota in force, the
/// headcount at its latest date, the registry and the procedure catalogue as they are. A figure without data is left out, and so is the sentence that
/// prints it (<see cref="TemplateText"/>).
/// </summary>
public static class ReportFigures
{
    public const string NationalBudget = "nstw";
    public const string LocalBudget = "nsdp";

    /// <summary>The figures of the unit named <paramref name="unitName"/> ("Phường Tam Thanh") for a period, computed on <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<ComputedFigure> Compute(
        string unitName, UnitSources sources, DossierFigures dossiers, ScheduledPeriod period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(period);
        var figures = new List<ComputedFigure>();
        Report(figures, unitName, period, asOf);
        Dossiers(figures, dossiers, period.Window, asOf);
        figures.AddRange(OfSources(sources, period, asOf));
        return figures;
    }

    /// <summary>The figures that come from the registry, the procedure catalogue, finance and staffing (not from the dossiers' read model).</summary>
    public static IReadOnlyList<ComputedFigure> OfSources(UnitSources sources, ScheduledPeriod period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(period);
        var figures = new List<ComputedFigure>();
        var year = period.Window.To.Year;
        Registry(figures, sources);
        Catalogue(figures, sources);
        Staffing(figures, sources, period, year, asOf);
        Budget(figures, sources, year, asOf);
        Capital(figures, sources, year, asOf);
        Assets(figures, sources, asOf);
        return figures;
    }

    private static string Day(DateOnly date) => $"{date:dd/MM/yyyy}";

    private static string WindowBase(DateWindow window) => $"từ {Day(window.From)} đến {Day(window.To)}";

    private static decimal? Percent(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator * 100m / denominator;

    /// <summary>The words that start a unit's registered name, its kind in a sentence ("UBND phường").</summary>
    public static readonly string[] UnitKinds = ["Phường", "Xã", "Đặc khu"];

    private static void Report(List<ComputedFigure> f, string unitName, ScheduledPeriod period, DateOnly asOf)
    {
        var window = period.Window;
        var kind = UnitKinds.FirstOrDefault(k => unitName.StartsWith(k + " ", StringComparison.Ordinal)) ?? "đơn vị";
        f.Add(new("Report.UnitKind", "Cấp của đơn vị", "danh mục hiện tại", Text: kind.ToLowerInvariant()));
        f.Add(new("Report.UnitName", "Tên đơn vị", "danh mục hiện tại", Text: char.ToLowerInvariant(unitName[0]) + unitName[1..]));
        f.Add(new("Report.Period", "Kỳ báo cáo", "kỳ báo cáo", Text: period.NameInSentence));
        f.Add(new("Report.WindowFrom", "Ngày đầu kỳ lấy số liệu", WindowBase(window), Date: window.From));
        f.Add(new("Report.WindowTo", "Ngày cuối kỳ lấy số liệu", WindowBase(window), Date: window.To));
        f.Add(new("Report.AsOf", "Ngày lập báo cáo", "ngày lập báo cáo", Date: asOf));
    }

    private static void Dossiers(List<ComputedFigure> f, DossierFigures d, DateWindow window, DateOnly asOf)
    {
        var w = d.Window;
        var basis = WindowBase(window);
        void Count(string code, string label, long value) => f.Add(new(code, label, basis, Number: value));
        Count("Dossiers.Received", "Hồ sơ tiếp nhận trong kỳ", w.Received.Total);
        Count("Dossiers.ReceivedOnline", "Hồ sơ tiếp nhận trực tuyến", w.Received.Online);
        Count("Dossiers.ReceivedInPerson", "Hồ sơ tiếp nhận trực tiếp, bưu chính", w.Received.InPersonOrPostal);
        Count("Dossiers.CarriedOver", "Hồ sơ từ kỳ trước chuyển sang", w.CarriedOver);
        Count("Dossiers.Resolved", "Hồ sơ đã xử lý", w.Resolved.Total);
        Count("Dossiers.ResolvedEarlyOrOnTime", "Hồ sơ xử lý trước và đúng hạn", w.Resolved.Early + w.Resolved.OnTime);
        Count("Dossiers.ResolvedLate", "Hồ sơ xử lý quá hạn", w.Resolved.Late);
        Count("Dossiers.Pending", "Hồ sơ đang giải quyết", w.Pending.Total);
        Count("Dossiers.PendingWithinDeadline", "Hồ sơ đang giải quyết trong hạn", w.Pending.WithinDeadline);
        Count("Dossiers.PendingOverdue", "Hồ sơ đang giải quyết quá hạn", w.Pending.Overdue);
        Count("Dossiers.NotEligible", "Hồ sơ trả lại, rút, không đủ điều kiện giải quyết", w.ReturnedWithdrawnNotEligible);
        if (w.Rates.OnTime.Percent is { } onTime)
            f.Add(new("Dossiers.OnTimeRate", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn (%)", basis, Number: onTime));
        if (w.Ratings.Total > 0)
        {
            Count("Ratings.Total", "Lượt đánh giá mức độ hài lòng", w.Ratings.Total);
            Count("Ratings.VerySatisfied", "Lượt đánh giá \"Rất hài lòng\"", w.Ratings.VerySatisfied);
            Count("Ratings.Satisfied", "Lượt đánh giá \"Hài lòng\"", w.Ratings.Satisfied);
            Count("Ratings.NotSatisfied", "Lượt đánh giá \"Không hài lòng\"", w.Ratings.NotSatisfied);
            f.Add(new("Ratings.VerySatisfiedRate", "Tỷ lệ \"Rất hài lòng\" (%)", basis, Number: Percent(w.Ratings.VerySatisfied, w.Ratings.Total)));
            f.Add(new("Ratings.SatisfiedRate", "Tỷ lệ \"Hài lòng\" (%)", basis, Number: Percent(w.Ratings.Satisfied, w.Ratings.Total)));
        }
        f.Add(new("Feedback.ReceivedToDate", "Phản ánh, kiến nghị tiếp nhận", $"từ {Day(window.From)} đến {Day(asOf)}", Number: d.FeedbackToDate));
        if (d.ReceivedToDate > 0)
        {
            var toDate = $"lũy kế đến {Day(asOf)}";
            f.Add(new("Dossiers.ReceivedToDate", "Hồ sơ đã tiếp nhận (lũy kế)", toDate, Number: d.ReceivedToDate));
            f.Add(new("Dossiers.DigitisedToDate", "Hồ sơ đã số hóa (lũy kế)", toDate, Number: d.DigitisedToDate));
            f.Add(new("Dossiers.DigitisedToDateRate", "Tỷ lệ hồ sơ đã số hóa (lũy kế, %)", toDate, Number: Percent(d.DigitisedToDate, d.ReceivedToDate)));
        }
    }

    private static void Registry(List<ComputedFigure> f, UnitSources s)
    {
        const string basis = "danh mục hiện tại";
        var administrative = s.Agencies.Where(a => a.Kind == AgencyKind.Administrative).OrderBy(a => a.AgencyCode, StringComparer.Ordinal).ToList();
        if (s.Agencies.Count == 0)
            return;
        f.Add(new("Agencies.Administrative", "Cơ quan chuyên môn", basis, Number: administrative.Count));
        f.Add(new("Agencies.AdministrativeNames", "Tên các cơ quan chuyên môn", basis, Text: string.Join("; ", administrative.Select(a => a.AgencyName))));
        var centres = s.Agencies.Where(a => a.Kind == AgencyKind.PublicService).OrderBy(a => a.AgencyCode, StringComparer.Ordinal).Select(a => a.AgencyName).ToList();
        var schools = s.Agencies.Count(a => a.Kind == AgencyKind.School);
        f.Add(new("Agencies.PublicService", "Đơn vị sự nghiệp công lập (cả trường học)", basis, Number: centres.Count + schools));
        f.Add(new("Agencies.Schools", "Trường học công lập", basis, Number: schools));
        // "Trung tâm Dịch vụ công ích và 08 trường học" (001:97): the centres by name, the schools by their number.
        string[] parts = [string.Join("; ", centres), schools == 0 ? "" : $"{TemplateText.Padded(schools)} trường học"];
        f.Add(new("Agencies.PublicServiceNames", "Các đơn vị sự nghiệp công lập", basis, Text: string.Join(" và ", parts.Where(p => p.Length > 0))));
    }

    private static void Catalogue(List<ComputedFigure> f, UnitSources s)
    {
        if (s.Catalogue.MaxBy(c => c.OccurredAt) is not { } catalogue)
            return;
        const string basis = "danh mục TTHC hiện tại";
        f.Add(new("Procedures.Active", "TTHC thuộc thẩm quyền quản lý và giải quyết", basis, Number: catalogue.ActiveProcedures));
        f.Add(new("Procedures.FullyOnline", "TTHC dịch vụ công trực tuyến toàn trình", basis, Number: catalogue.FullyOnline));
        f.Add(new("Procedures.PartlyOnline", "TTHC dịch vụ công trực tuyến một phần", basis, Number: catalogue.PartlyOnline));
        f.Add(new("Procedures.InterLevel", "TTHC liên thông", basis, Number: catalogue.InterLevel));
    }

    private static void Staffing(List<ComputedFigure> f, UnitSources s, ScheduledPeriod period, int year, DateOnly asOf)
    {
        // The unit's own decision when there is one, else the sum of its agencies' decisions, each the latest by the report's date.
        var quotas = s.Quotas.Where(q => q.Year == year && q.DecidedOn <= asOf).GroupBy(q => q.AgencyCode).Select(g => g.MaxBy(q => q.DecidedOn)!).ToList();
        var unitQuota = quotas.Where(q => q.AgencyCode is null).ToList();
        var quota = unitQuota.Count > 0 ? unitQuota : quotas;
        if (quota.Count > 0)
        {
            var basis = $"biên chế năm {year} được giao đến {Day(asOf)}";
            f.Add(new("Staffing.QuotaWord", "Biên chế giao hay tạm giao", basis, Text: quota.Any(q => q.Provisional) ? "tạm giao" : "giao"));
            f.Add(new("Staffing.Quota", "Tổng biên chế được giao", basis, Number: quota.Sum(q => q.Total)));
            f.Add(new("Staffing.QuotaCivilServants", "Biên chế cán bộ, công chức", basis, Number: quota.Sum(q => q.CivilServants)));
            f.Add(new("Staffing.QuotaPublicEmployees", "Biên chế sự nghiệp", basis,
                Number: quota.Sum(q => q.BudgetPaidPublicEmployees + q.SelfPaidPublicEmployees)));
            f.Add(new("Staffing.QuotaBudgetPaid", "Biên chế sự nghiệp hưởng lương từ NSNN", basis, Number: quota.Sum(q => q.BudgetPaidPublicEmployees)));
            f.Add(new("Staffing.QuotaSelfPaid", "Biên chế sự nghiệp hưởng lương từ nguồn thu sự nghiệp", basis, Number: quota.Sum(q => q.SelfPaidPublicEmployees)));
        }

        var counts = s.Headcounts.Where(h => h.AsOf <= asOf).GroupBy(h => h.AgencyCode).Select(g => g.MaxBy(h => h.AsOf)!).ToList();
        var unitCount = counts.Where(h => h.AgencyCode is null).ToList();
        var headcount = unitCount.Count > 0 ? unitCount : counts;
        if (headcount.Count > 0)
        {
            var on = headcount.Max(h => h.AsOf);
            var basis = $"có mặt tại ngày {Day(on)}";
            f.Add(new("Staffing.HeadcountAsOf", "Ngày tính số người hiện có", basis, Date: on));
            f.Add(new("Staffing.Headcount", "Biên chế hiện có", basis, Number: headcount.Sum(h => h.Total)));
            f.Add(new("Staffing.HeadcountCivilServants", "Công chức hiện có", basis, Number: headcount.Sum(h => h.CivilServants)));
            f.Add(new("Staffing.HeadcountPublicEmployees", "Viên chức hiện có", basis, Number: headcount.Sum(h => h.PublicEmployees)));
            if (headcount.All(h => h.CivilServantsWithDegree is not null && h.PublicEmployeesWithDegree is not null))
                f.Add(new("Staffing.WithDegree", "Cán bộ, công chức, viên chức có trình độ đại học trở lên", basis,
                    Number: headcount.Sum(h => h.CivilServantsWithDegree!.Value + h.PublicEmployeesWithDegree!.Value)));
        }

        if (s.Movements.SingleOrDefault(m => m.Period == period.Period.Code) is { } moves)
        {
            var basis = $"trong {period.NameInSentence}";
            void Count(string code, string label, int? value)
            {
                if (value is { } v)
                    f.Add(new(code, label, basis, Number: v));
            }
            Count("Staffing.RecruitedCivilServants", "Công chức được tuyển dụng", moves.RecruitedCivilServants);
            Count("Staffing.RecruitedPublicEmployees", "Viên chức được tuyển dụng", moves.RecruitedPublicEmployees);
            Count("Staffing.TransferredToCivilService", "Viên chức xét chuyển sang công chức", moves.TransferredToCivilService);
            Count("Staffing.PromotionRegistrations", "Chỉ tiêu đăng ký xét thăng hạng viên chức", moves.PromotionRegistrations);
            Count("Staffing.Disciplined", "Cán bộ, công chức, viên chức bị xử lý kỷ luật", moves.Discipline?.Sum(d => d.Staff));
            Count("Staffing.DisciplinedLeaders", "Lãnh đạo bị xử lý kỷ luật", moves.Discipline?.Sum(d => d.Leaders));
            Count("Staffing.TrainingPlanned", "Lượt đào tạo, bồi dưỡng theo kế hoạch", moves.TrainingPlanned);
            Count("Staffing.TrainingCompleted", "Lượt đào tạo, bồi dưỡng đã hoàn thành", moves.TrainingCompleted);
        }
    }

    private static void Budget(List<ComputedFigure> f, UnitSources s, int year, DateOnly asOf)
    {
        foreach (var (item, code, label) in new[]
        {
            ("total-revenue", "Finance.Revenue", "Tổng thu ngân sách lũy kế từ đầu năm"),
            ("land-use-fees", "Finance.LandFees", "Thu tiền sử dụng đất lũy kế từ đầu năm"),
            ("total-expenditure", "Finance.Expenditure", "Chi ngân sách lũy kế từ đầu năm"),
        })
        {
            var actual = s.Actuals.Where(a => a.Year == year && a.ItemCode == item && a.AsOf <= asOf).MaxBy(a => a.AsOf);
            if (actual is null)
                continue;
            var basis = $"lũy kế từ 01/01/{year} đến {Day(actual.AsOf)}";
            f.Add(new(code, label + " (đồng)", basis, Number: actual.AmountDong));
            f.Add(new(code + "AsOf", label + ": ngày số liệu", basis, Date: actual.AsOf));
            foreach (var (estimateBasis, suffix, name) in new[]
            {
                (EstimateBasis.ProvinceAssigned, "Province", "dự toán tỉnh giao"),
                (EstimateBasis.UnitOwn, "Own", "dự toán đơn vị phấn đấu"),
            })
            {
                var estimate = s.Estimates.Where(e => e.Year == year && e.ItemCode == item && e.Basis == estimateBasis && e.DecidedOn <= asOf)
                    .MaxBy(e => e.Revision);
                if (estimate is null)
                    continue;
                var estimateBasisText = $"dự toán năm {year} có hiệu lực ngày {Day(asOf)}";
                f.Add(new($"{code}.{suffix}Estimate", $"{label}: {name} (đồng)", estimateBasisText, Number: estimate.AmountDong));
                if (Percent(actual.AmountDong, estimate.AmountDong) is { } rate)
                    f.Add(new($"{code}Vs{suffix}", $"{label} so với {name} (%)", $"{basis}; {estimateBasisText}", Number: rate));
            }
        }

        var issued = s.AuditRecommendations.Where(r => r.IssuedOn <= asOf).ToList();
        f.Add(new("Finance.AuditRecommendations", "Kiến nghị sau thanh tra, kiểm tra, kiểm toán", $"đến {Day(asOf)}", Number: issued.Count));
        if (issued.Count > 0)
        {
            var ids = issued.Select(r => r.RecommendationId).ToHashSet();
            var toRemit = issued.Sum(r => r.ToRemitDong);
            var remitted = s.Remittances.Where(r => ids.Contains(r.RecommendationId) && r.Date <= asOf).Sum(r => r.RemittedDong);
            f.Add(new("Finance.AuditToRemit", "Số phải nộp NSNN theo kiến nghị (đồng)", $"đến {Day(asOf)}", Number: toRemit));
            f.Add(new("Finance.AuditRemitted", "Số đã nộp NSNN theo kiến nghị (đồng)", $"đến {Day(asOf)}", Number: remitted));
            if (Percent(remitted, toRemit) is { } rate)
                f.Add(new("Finance.AuditRemittanceRate", "Tỷ lệ đã nộp theo kiến nghị (%)", $"đến {Day(asOf)}", Number: rate));
        }
    }

    private static void Capital(List<ComputedFigure> f, UnitSources s, int year, DateOnly asOf)
    {
        // The previous year's plan as disbursed by its last day (31/01 of this year), once that day is past.
        var previous = s.CapitalPlans.SingleOrDefault(p => p.Year == year - 1);
        var lastDay = new DateOnly(year, 1, 31);
        if (previous is not null && asOf >= lastDay)
        {
            var basis = $"kế hoạch vốn năm {year - 1}, giải ngân đến {Day(lastDay)}";
            var disbursements = s.Disbursements.Where(d => d.Year == year - 1 && d.Date <= lastDay).ToList();
            f.Add(new("Finance.PreviousYear", "Năm của kế hoạch vốn trước", basis, Text: (year - 1).ToString(CultureInfo.InvariantCulture)));
            f.Add(new("Finance.PreviousDisbursementAsOf", "Ngày tính giải ngân kế hoạch vốn năm trước", basis, Date: lastDay));
            AddDisbursed(f, "Finance.Previous", basis, previous.TotalDong, disbursements.Sum(d => d.AmountDong));
            foreach (var source in previous.Sources)
                AddDisbursed(f, $"Finance.Previous.{source.SourceCode}", basis, source.AmountDong,
                    disbursements.Where(d => d.SourceCode == source.SourceCode).Sum(d => d.AmountDong));
            VersusTarget(f, s, year - 1, Percent(disbursements.Sum(d => d.AmountDong), previous.TotalDong));
        }

        if (s.CapitalPlans.SingleOrDefault(p => p.Year == year) is { } current)
        {
            var basis = $"kế hoạch vốn năm {year}";
            f.Add(new("Finance.CapitalYear", "Năm của kế hoạch vốn", basis, Text: year.ToString(CultureInfo.InvariantCulture)));
            f.Add(new("Finance.CapitalPlan", "Tổng kế hoạch vốn giao (đồng)", basis, Number: current.TotalDong));
            foreach (var source in current.Sources)
                f.Add(new($"Finance.CapitalPlan.{source.SourceCode}", $"Kế hoạch vốn nguồn {source.SourceCode} (đồng)", basis, Number: source.AmountDong));
            var disbursed = s.Disbursements.Where(d => d.Year == year && d.Date <= asOf).Sum(d => d.AmountDong);
            AddDisbursed(f, "Finance.Current", $"kế hoạch vốn năm {year}, giải ngân đến {Day(asOf)}", current.TotalDong, disbursed);
        }
    }

    /// <summary>
    /// The previous year's disbursement against the disbursement target of the unit's plan for that year, in percentage
    /// points: "; vượt 12% theo chỉ tiêu" (001:129), printed after the rate; empty when no plan set such a target.
    /// </summary>
    private static void VersusTarget(List<ComputedFigure> f, UnitSources s, int year, decimal? rate)
    {
        var target = s.PlanTargets(year).Select(p => p.Target)
            .FirstOrDefault(t => t.IndicatorCode == "Finance.DisbursementRate" && t.Field is null && t.Channel is null);
        var basis = target is null ? $"không có chỉ tiêu giải ngân năm {year} trong kế hoạch" : $"chỉ tiêu giải ngân năm {year} của kế hoạch";
        if (target is null || rate is not { } value)
        {
            f.Add(new("Finance.Previous.VersusTarget", "So với chỉ tiêu giải ngân của kế hoạch", basis, Text: ""));
            return;
        }
        var points = Math.Round(value - target.Threshold, 0, MidpointRounding.AwayFromZero);
        f.Add(new("Finance.Previous.Target", "Chỉ tiêu giải ngân của kế hoạch (%)", basis, Number: target.Threshold));
        f.Add(new("Finance.Previous.VersusTarget", "So với chỉ tiêu giải ngân của kế hoạch", basis, Text: points switch
        {
            > 0 => $"; vượt {TemplateText.Number(points, 0)}% theo chỉ tiêu",
            0 => "; đạt chỉ tiêu",
            _ => $"; thấp hơn chỉ tiêu {TemplateText.Number(-points, 0)}%",
        }));
    }

    private static void AddDisbursed(List<ComputedFigure> f, string code, string basis, long plan, long disbursed)
    {
        f.Add(new(code + ".Plan", "Kế hoạch vốn (đồng)", basis, Number: plan));
        f.Add(new(code + ".Disbursed", "Đã giải ngân (đồng)", basis, Number: disbursed));
        if (Percent(disbursed, plan) is { } rate)
            f.Add(new(code + ".DisbursementRate", "Tỷ lệ giải ngân (%)", basis, Number: rate));
    }

    private static void Assets(List<ComputedFigure> f, UnitSources s, DateOnly asOf)
    {
        // The inventory under way: the one whose report is due soonest from the report's date, else the last one.
        var inventory = s.AssetInventories.Where(i => i.ReportDeadline >= asOf).MinBy(i => i.ReportDeadline)
            ?? s.AssetInventories.MaxBy(i => i.ReportDeadline);
        if (inventory is not null)
        {
            var basis = $"tổng kiểm kê {inventory.Name}, đến {Day(asOf)}";
            f.Add(new("Assets.RegisteredTypes", "Số loại tài sản đã đăng ký kiểm kê", basis, Number: inventory.RegisteredForms.Count));
            f.Add(new("Assets.AssetTypes", "Tổng số loại tài sản kiểm kê", basis, Number: inventory.AssetTypeCount));
            f.Add(new("Assets.Subjects", "Đơn vị thuộc đối tượng kiểm kê", basis, Number: inventory.Subjects));
            f.Add(new("Assets.Registered", "Đơn vị đã thành lập Tổ kiểm kê, đăng ký đối tượng kiểm kê", basis, Number: inventory.Registered));
            f.Add(new("Assets.ReportsSubmitted", "Đơn vị đã gửi báo cáo kiểm kê", basis, Number: inventory.ReportsSubmitted));
            f.Add(new("Assets.ReportDeadline", "Hạn gửi báo cáo kiểm kê", basis, Date: inventory.ReportDeadline));
        }

        // Each public service unit in the group of its latest approval by the report's date.
        var groups = s.Autonomy.Where(a => a.ApprovedOn <= asOf).GroupBy(a => a.ServiceUnitCode).Select(g => g.MaxBy(a => a.ApprovedOn)!.Group).ToList();
        if (groups.Count > 0)
        {
            var basis = $"phương án tự chủ được phê duyệt đến {Day(asOf)}";
            f.Add(new("Autonomy.Units", "ĐVSN công lập đã được phê duyệt phương án tự chủ", basis, Number: groups.Count));
            foreach (var group in Enum.GetValues<AutonomyGroup>())
                f.Add(new($"Autonomy.{group}", $"ĐVSN nhóm {group}", basis, Number: groups.Count(g => g == group)));
        }
    }
}
