using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Documents;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

/// <summary>Text under a heading of the report; empty clears it.</summary>
public sealed record NarrativeInput(string? Text);

/// <summary>
/// The chairman's submission: the document's number in the unit's register of the year (the next after the unit's last
/// report when not given) and its symbol ("BC-UBND" when not given).
/// </summary>
public sealed record SubmitInput(int? Sequence, string? Symbol);

/// <summary>A fact of the period: its value (a count, or a percentage 0–100), whether it is a lower bound ("trên"), a note of its evidence.</summary>
public sealed record FactInput(decimal? Value, bool? AtLeast, string? Evidence);

/// <summary>The province reviewer's reason for returning a report.</summary>
public sealed record ReturnInput(string? Reason);

/// <summary>
/// The units' periodic reports as the API reads and writes them: the period and the unit checked, the report's own
/// methods, one save with its events. A refusal of the workflow (<see cref="DomainRuleException"/>) or a bad value
/// (<see cref="DomainInputException"/>) is answered by <see cref="DomainProblems"/>.
/// </summary>
public sealed record OverrideInput(decimal? Value, string? Reason);

public sealed class ReportStore(
    ReportingDbContext db, ProvincePeriodsStore periods, ProvinceTemplateStore templates, ReportingStatisticsQuery statistics, TimeProvider clock)
{
    public const string DefaultSymbol = "BC-UBND";

    public const int MaxText = 20_000;

    public async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string unitCode, string period, CancellationToken ct)
    {
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await Load(unitCode, context.Code).AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(ReportResponse.Of(unitCode, context.Period, report));
    }

    public async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        string unitCode, string period, string key, NarrativeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Text is null || input.Text.Length > MaxText)
            return ApiProblems.Invalid(new FieldErrors().Add("text", $"Nội dung từ 0 đến {MaxText:N0} ký tự (chuỗi rỗng để xóa)."));
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await OpenAsync(unitCode, context, ct);
        report.Write(key, input.Text.Trim(), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportResponse.Of(unitCode, context.Period, report));
    }

    /// <summary>An agency's officer writes the agency's part under a heading; only the agency's own officers may.</summary>
    public async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> WriteAgencyPartAsync(
        string unitCode, string period, string agencyCode, string key, NarrativeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (AgencyRefusal(agencyCode, user) is { } refused)
            return refused;
        if (input.Text is null || input.Text.Length > MaxText)
            return ApiProblems.Invalid(new FieldErrors().Add("text", $"Nội dung từ 0 đến {MaxText:N0} ký tự (chuỗi rỗng để xóa)."));
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await OpenAsync(unitCode, context, ct);
        report.WriteAgencyPart(agencyCode, key, input.Text.Trim(), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportResponse.Of(unitCode, context.Period, report));
    }

    /// <summary>The agency sends its parts to the unit.</summary>
    public async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> SendAgencyPartsAsync(
        string unitCode, string period, string agencyCode, ClaimsPrincipal user, CancellationToken ct)
    {
        if (AgencyRefusal(agencyCode, user) is { } refused)
            return refused;
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await OpenAsync(unitCode, context, ct);
        report.SendAgencyParts(agencyCode, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportResponse.Of(unitCode, context.Period, report));
    }

    private static ProblemHttpResult? AgencyRefusal(string agencyCode, ClaimsPrincipal user)
    {
        var caller = Caller.Of(user);
        return caller.Is(PlatformRoles.UnitOfficer) && caller.Agency == agencyCode
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"Chỉ công chức của cơ quan {agencyCode} viết và gửi phần của cơ quan.");
    }

    public async Task<Results<Ok<FactResponse>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        string unitCode, string period, string code, FactInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.Value is null)
            errors.Add("value", "Không được để trống.");
        if (input.Evidence is { } evidence && (evidence.Trim().Length == 0 || evidence.Trim().Length > 2_000))
            errors.Add("evidence", "Ghi chú minh chứng từ 1 đến 2.000 ký tự; bỏ trống (null) khi không có.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await OpenAsync(unitCode, context, ct);
        var fact = report.Enter(code, input.Value!.Value, input.AtLeast ?? false, input.Evidence?.Trim(), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FactResponse.From(EnteredFacts.Find(code)!, fact));
    }

    public async Task<Results<Created<VersionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string unitCode, string period, SubmitInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = Caller.Of(user);
        if (!caller.Is(PlatformRoles.UnitChairman))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Chỉ Chủ tịch UBND ký và gửi báo cáo lên tỉnh.");
        var errors = new FieldErrors();
        if (input.Sequence is not null and not (>= 1 and <= 99_999))
            errors.Add("sequence", "Số văn bản từ 1 đến 99.999; bỏ trống để lấy số tiếp theo.");
        var symbol = input.Symbol?.Trim() ?? DefaultSymbol;
        if (symbol.Length is < 1 or > 30 || symbol.Any(char.IsWhiteSpace))
            errors.Add("symbol", "Ký hiệu văn bản từ 1 đến 30 ký tự, không có khoảng trắng (ví dụ \"BC-UBND\").");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var now = clock.GetUtcNow();
        var today = WorkingCalendar.VietnamDate(now);
        var taken = db.Set<ReportVersion>().Where(v => v.UnitCode == unitCode && v.Year == today.Year);
        if (input.Sequence is { } given && await taken.AnyAsync(v => v.Sequence == given, ct))
            return ApiProblems.Invalid(errors.Add("sequence", $"Số {given} năm {today.Year} đã dùng cho một báo cáo khác của đơn vị."));
        var sequence = input.Sequence ?? (await taken.MaxAsync(v => (int?)v.Sequence, ct) ?? 0) + 1;

        var report = await OpenAsync(unitCode, context, ct);
        var content = await ContentAsync(unitCode, context, report, today, ct);
        var version = report.Submit(sequence, symbol, today, context.Due, JsonSerializer.Serialize(content, ReportContent.Json), caller.UserId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/reports/periods/{context.Code}/versions/{version.Number}", VersionResponse.From(version));
    }

    public async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> VersionAsync(
        string unitCode, string period, int number, CancellationToken ct)
    {
        var (_, version, invalid, missing) = await SubmittedAsync(unitCode, period, number, ct);
        if (invalid is not null)
            return invalid;
        if (missing is not null)
            return missing;
        return TypedResults.Ok(VersionResponse.From(version!));
    }

    /// <summary>What changed from one submitted version to another (<see cref="VersionComparison"/>).</summary>
    public async Task<Results<Ok<IReadOnlyList<VersionChange>>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        string unitCode, string period, int? from, int? to, CancellationToken ct)
    {
        if (from is null || to is null)
            return ApiProblems.Invalid(new FieldErrors().Add(from is null ? "from" : "to", "Chọn hai lần gửi để so sánh (from=1&to=2)."));
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var before = await FindVersion(unitCode, context.Code, from.Value).SingleOrDefaultAsync(ct);
        var after = await FindVersion(unitCode, context.Code, to.Value).SingleOrDefaultAsync(ct);
        if (before is null || after is null)
            return ApiProblems.NotFound($"Báo cáo kỳ {context.Code} chưa có lần gửi thứ {(before is null ? from : to)}.");
        using var left = JsonDocument.Parse(before.Content);
        using var right = JsonDocument.Parse(after.Content);
        return TypedResults.Ok(VersionComparison.Compare(left.RootElement, right.RootElement));
    }

    /// <summary>
    /// The report as it stands, as a Word document in the official layout: a preview before submitting, with the figures of
    /// now, today's date and no number yet ("Số:      /BC-UBND").
    /// </summary>
    public async Task<Results<Ok<FiguresResponse>, ValidationProblem, ProblemHttpResult>> FiguresAsync(string unitCode, string period, CancellationToken ct)
    {
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var report = await Load(unitCode, context.Code).AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(FiguresResponse.From(await ContentAsync(unitCode, context, report, today, ct), today));
    }

    /// <summary>Replaces a computed figure's number for the report, with the reason the reviewer will read; the figure must have a number today.</summary>
    public async Task<Results<Ok<ComputedFigure>, ValidationProblem, ProblemHttpResult>> OverrideAsync(
        string unitCode, string period, string code, OverrideInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Value is null)
            return ApiProblems.Invalid(new FieldErrors().Add("value", "Không được để trống."));
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await OpenAsync(unitCode, context, ct);
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var figure = (await ContentAsync(unitCode, context, report, today, ct)).Figures.SingleOrDefault(f => f.Code == code);
        if (figure?.Number is null)
            return ApiProblems.NotFound($"Báo cáo kỳ {context.Code} không có số liệu \"{code}\" tính được hôm nay (xem GET …/figures).");
        var replaced = report.Override(code, input.Value.Value, input.Reason ?? "", Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(figure with
        {
            Number = replaced.Value, Override = new FigureOverride(figure.Override?.Computed ?? figure.Number.Value, replaced.Reason, replaced.By, replaced.At),
        });
    }

    public async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RestoreAsync(string unitCode, string period, string code, CancellationToken ct)
    {
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await Load(unitCode, context.Code).SingleOrDefaultAsync(ct);
        if (report is not null)
        {
            report.RestoreFigure(code, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PreviewAsync(string unitCode, string period, CancellationToken ct)
    {
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await Load(unitCode, context.Code).AsNoTracking().SingleOrDefaultAsync(ct);
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var content = await ContentAsync(unitCode, context, report, today, ct);
        var document = ReportDocument.Build(Issuer.Of(context.UnitName), content, $"      /{DefaultSymbol}", today);
        return TypedResults.File(document, ReportDocument.ContentType, $"bao-cao-cchc-{unitCode}-{context.Code}-du-thao.docx");
    }

    /// <summary>A submitted version as a Word document in the official layout (<see cref="ReportDocument"/>).</summary>
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DocumentAsync(
        string unitCode, string period, int number, CancellationToken ct)
    {
        var (context, version, invalid, missing) = await SubmittedAsync(unitCode, period, number, ct);
        if (invalid is not null)
            return invalid;
        if (missing is not null)
            return missing;
        var document = ReportDocument.Build(Issuer.Of(context.UnitName), ReportContent.Of(version!), version!.DocumentNumber, version.SubmittedOn);
        return TypedResults.File(document, ReportDocument.ContentType, $"bao-cao-cchc-{unitCode}-{context.Code}-lan-{number}.docx");
    }

    /// <summary>Appendix I of a submitted version (form II.06a) as an Excel workbook (<see cref="AppendixWorkbook"/>).</summary>
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> AppendixAsync(
        string unitCode, string period, int number, CancellationToken ct)
    {
        var (context, version, invalid, missing) = await SubmittedAsync(unitCode, period, number, ct);
        if (invalid is not null)
            return invalid;
        if (missing is not null)
            return missing;
        return TypedResults.File(AppendixWorkbook.Build(ReportContent.Of(version!), version!.DocumentNumber), AppendixWorkbook.ContentType,
            $"phu-luc-I-{unitCode}-{context.Code}-lan-{number}.xlsx");
    }

    public async Task<Results<Ok<VersionSummary>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string provinceCode, string period, string unitCode, ReturnInput? returned, ClaimsPrincipal user, CancellationToken ct)
    {
        if (returned is not null && (string.IsNullOrWhiteSpace(returned.Reason) || returned.Reason.Trim().Length > 2_000))
            return ApiProblems.Invalid(new FieldErrors().Add("reason", "Ghi lý do trả lại báo cáo (tối đa 2.000 ký tự)."));
        if (!ReportPeriod.TryParse(period, out var p))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        var report = await Load(unitCode, p.Code).SingleOrDefaultAsync(r => r.ProvinceCode == provinceCode, ct);
        if (report is null)
            return ApiProblems.NotFound($"Đơn vị {unitCode} chưa gửi báo cáo kỳ {p.Code}.");
        var by = Caller.Of(user).UserId;
        if (returned is null)
            report.Accept(by, clock.GetUtcNow());
        else
            report.Return(returned.Reason!.Trim(), by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(VersionSummary.From(report.Latest!));
    }

    public async Task<Results<Ok<SubmissionsResponse>, ValidationProblem, ProblemHttpResult>> SubmissionsAsync(string provinceCode, string period, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await periods.FindAsync(provinceCode, p, ct) is not { } scheduled)
            return ApiProblems.NotFound(PeriodsApi.NotCollected(p));
        return TypedResults.Ok(await SubmissionsOf(provinceCode, scheduled, ct));
    }

    /// <summary>The province's consolidated report of the period as a Word document: who reported, II.06a of every unit, the scorecards ranked.</summary>
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ProvinceDocumentAsync(
        string provinceCode, string period, ScorecardStore scorecards, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scorecards);
        if (!ReportPeriod.TryParse(period, out var p))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await periods.FindAsync(provinceCode, p, ct) is not { } scheduled)
            return ApiProblems.NotFound(PeriodsApi.NotCollected(p));
        var submissions = await SubmissionsOf(provinceCode, scheduled, ct);
        var (total, units, _) = await statistics.ForProvinceAsync(provinceCode, scheduled.Window, ct);
        var ranking = await scorecards.ProvinceScorecardOf(provinceCode, scheduled, ct);
        var provinceName = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode).Select(u => u.ProvinceName)
            .FirstOrDefaultAsync(ct) ?? provinceCode;
        var document = ProvinceReportDocument.Build(provinceName, scheduled.Name, WorkingCalendar.VietnamDate(clock.GetUtcNow()), submissions, (total, units), ranking.Units);
        return TypedResults.File(document, ReportDocument.ContentType, $"bao-cao-tong-hop-cchc-{provinceCode}-{p.Code}.docx");
    }

    private async Task<SubmissionsResponse> SubmissionsOf(string provinceCode, ScheduledPeriod scheduled, CancellationToken ct)
    {
        var (p, due) = (scheduled.Period, scheduled.Due);
        var known = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode).OrderBy(u => u.UnitCode)
            .Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(ct);
        // Each report's first and latest versions without their content (the report as submitted: tens of kilobytes, which the
        // overview of 150 units read and dropped on every call).
        var reports = await db.Reports.AsNoTracking().Where(r => r.ProvinceCode == provinceCode && r.Period == p.Code)
            .Select(r => new
            {
                r.UnitCode,
                r.Status,
                Versions = r.Versions.Count,
                First = r.Versions.OrderBy(v => v.Number).Select(v => new { v.SubmittedOn, v.Due }).FirstOrDefault(),
                Latest = r.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Sequence, v.Symbol, v.ReturnReason }).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.UnitCode, ct);
        var rows = known.Select(unit =>
        {
            var report = reports.GetValueOrDefault(unit.UnitCode);
            if (report?.First is not { } first || report.Latest is not { } latest)
                return new UnitSubmission(unit.UnitCode, unit.UnitName, "missing", null, null, null, 0, null);
            return new UnitSubmission(unit.UnitCode, unit.UnitName, EnumNames.Name(report.Status), ReportVersion.DocumentNumberOf(latest.Sequence, latest.Symbol),
                first.SubmittedOn, ReportVersion.IsOnTime(first.SubmittedOn, first.Due), report.Versions,
                report.Status == ReportStatus.Returned ? latest.ReturnReason : null);
        }).ToList();
        var submitted = rows.Count(r => r.Versions > 0);
        var onTime = rows.Count(r => r.OnTime == true);
        return new SubmissionsResponse(provinceCode, p.Code, due, rows.Count, submitted, onTime, submitted - onTime,
            rows.Count(r => r.Status == "returned"), rows.Count(r => r.Status == "accepted"), rows.Count - submitted,
            Rate.Of(submitted, rows.Count), Rate.Of(onTime, rows.Count), rows);
    }

    /// <summary>A submitted version of the route's report, or the 400 or 404 to answer.</summary>
    private async Task<(PeriodContext Context, ReportVersion? Version, ValidationProblem? Invalid, ProblemHttpResult? Missing)> SubmittedAsync(
        string unitCode, string period, int number, CancellationToken ct)
    {
        var (context, invalid, unknown) = await ContextAsync(unitCode, period, ct);
        if (invalid is not null || unknown is not null)
            return (context, null, invalid, unknown);
        var version = await FindVersion(unitCode, context.Code, number).SingleOrDefaultAsync(ct);
        return version is null
            ? (context, null, null, ApiProblems.NotFound($"Báo cáo kỳ {context.Code} chưa có lần gửi thứ {number}."))
            : (context, version, null, null);
    }

    /// <summary>The report as it stands on <paramref name="asOf"/>: its words and facts, and its figures from the read model.</summary>
    private async Task<ReportContent> ContentAsync(string unitCode, PeriodContext context, Report? report, DateOnly asOf, CancellationToken ct)
    {
        var (scheduled, unitName) = (context.Period, context.UnitName);
        var window = scheduled.Window;
        var statisticsOfWindow = await statistics.ForUnitAsync(unitCode, window, ct);
        var sinceWindow = await statistics.ForUnitAsync(unitCode, new DateWindow(window.From, asOf < window.From ? window.From : asOf), ct);
        var ever = await statistics.ForUnitAsync(unitCode, new DateWindow(FirstDay, asOf), ct);
        var dossiers = new DossierFigures(statisticsOfWindow.Total, sinceWindow.Feedback.Received, ever.Total.Received.Total, ever.Total.Rates.Digitisation.Numerator);
        var sources = UnitSources.From(await db.SourceEvents.AsNoTracking().Where(e => e.UnitCode == unitCode).ToListAsync(ct));
        var figures = ComputedFigure.WithOverrides(ReportFigures.Compute(unitName, sources, dossiers, scheduled, asOf), report?.Overrides ?? []);
        var (template, _) = await templates.GetAsync(context.ProvinceCode, ct);
        return new ReportContent(unitCode, unitName, scheduled.Period.Code, scheduled.Name, window.From, window.To, scheduled.Due, ReportResponse.NarrativeOf(report),
            FactResponse.All(report), statisticsOfWindow.Total, statisticsOfWindow.Fields, statisticsOfWindow.Feedback, figures, template);
    }

    /// <summary>The start of "to date" (lũy kế): before any dossier the platform holds.</summary>
    private static readonly DateOnly FirstDay = new(2000, 1, 1);

    private IQueryable<ReportVersion> FindVersion(string unitCode, string period, int number) => db.Set<ReportVersion>().AsNoTracking()
        .Where(v => v.UnitCode == unitCode && v.Number == number && db.Reports.Any(r => r.Id == v.ReportId && r.Period == period));

    private IQueryable<Report> Load(string unitCode, string period) =>
        db.Reports.Include(r => r.Narrative).Include(r => r.Facts).Include(r => r.Overrides).Include(r => r.AgencyParts).Include(r => r.Versions).AsSplitQuery().Where(r => r.UnitCode == unitCode && r.Period == period);

    private async Task<Report> OpenAsync(string unitCode, PeriodContext context, CancellationToken ct)
    {
        var report = await Load(unitCode, context.Code).SingleOrDefaultAsync(ct);
        if (report is null)
            db.Reports.Add(report = Report.Open(unitCode, context.ProvinceCode, context.Code));
        return report;
    }

    /// <summary>The period of the route and, for the unit's province, its due date and data window; or the 400/404 to answer.</summary>
    private async Task<(PeriodContext Context, ValidationProblem? Invalid, ProblemHttpResult? Unknown)> ContextAsync(
        string unitCode, string period, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p))
            return (default, ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError)), null);
        var unit = await db.Set<KnownUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.UnitCode == unitCode, ct);
        if (unit is null)
            return (default, null, ApiProblems.NotFound($"Dịch vụ báo cáo chưa nhận được đơn vị {unitCode} từ danh mục."));
        if (await periods.FindAsync(unit.ProvinceCode, p, ct) is not { } scheduled)
            return (default, null, ApiProblems.NotFound(PeriodsApi.NotCollected(p)));
        return (new PeriodContext(scheduled, unit.UnitName, unit.ProvinceCode), null, null);
    }

    private readonly record struct PeriodContext(ScheduledPeriod Period, string UnitName, string ProvinceCode)
    {
        public string Code => Period.Period.Code;

        public DateOnly Due => Period.Due;
    }
}
