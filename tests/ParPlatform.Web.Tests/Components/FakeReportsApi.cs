using System.Net;
using ParPlatform.Web.Api;
using Refit;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// The reporting API as the report's components see it: a unit's report and its figures to read; every write recorded in
/// <see cref="Calls"/> and answered as the service would, or refused with <see cref="Refusal"/> (a real Refit exception read
/// from a ProblemDetails body).
/// </summary>
internal sealed class FakeReportsApi : IUnitReportsApi, IReportsApi
{
    public UnitReport Report { get; set; } = Draft();

    public List<ComputedFigure> Figures { get; } =
    [
        new("Report.WindowFrom", "Ngày đầu kỳ lấy số liệu", "từ 01/12/2025 đến 28/02/2026", null, new DateOnly(2025, 12, 1), null, null),
        new("Dossiers.Received", "Hồ sơ tiếp nhận trong kỳ", "từ 01/12/2025 đến 28/02/2026", 1877, null, null, null),
        new("Dossiers.OnTimeRate", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn (%)", "từ 01/12/2025 đến 28/02/2026", 99.426276528m, null, null, null),
    ];

    /// <summary>The refusal of the next write (status and ProblemDetails body), if any.</summary>
    public (HttpStatusCode Status, object Problem)? Refusal { get; set; }

    public List<string> Calls { get; } = [];

    public static UnitReport Draft(string status = "draft", string? returnReason = null) => new(
        "06112", "2026-Q1", "Quý I năm 2026", new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28), status, new DateOnly(2026, 3, 5),
        [new("I", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "Ban hành Kế hoạch số 29."), new("V", "V. KIẾN NGHỊ, ĐỀ XUẤT", "")],
        [
            new("video-meetings", "II.6", "Số cuộc họp trực tuyến qua Hệ thống Hội nghị truyền hình", "count", null, false, null, null),
            new("electronic-documents-rate", "II.6", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử", "percent", 98.75m, false, "98,75%", "Sổ văn bản đi"),
        ],
        [
            new("kinh-te", "I", "Phòng Kinh tế đã ban hành kế hoạch của phòng.", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 2, 3, 30, 0, TimeSpan.Zero)),
            new("van-phong", "I", "Bản nháp của Văn phòng.", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), null),
        ],
        status == "draft" ? [] : [new(1, "188/BC-UBND", new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5), true, "chutich",
            status == "returned" ? "returned" : status == "accepted" ? "accepted" : null, returnReason, null)],
        returnReason);

    private Task<T> WriteAsync<T>(string call, Func<T> answer)
    {
        Calls.Add(call);
        return Refusal is { } refusal ? Refusals.ThrowAsync<T>(refusal.Status, refusal.Problem) : Task.FromResult(answer());
    }

    public Task<UnitReport> GetAsync(string unitCode, string period, CancellationToken cancellationToken) => Task.FromResult(Report);

    public Task<ReportFigures> FiguresAsync(string unitCode, string period, CancellationToken cancellationToken) =>
        Task.FromResult(new ReportFigures(unitCode, period, new DateOnly(2026, 3, 4), [.. Figures]));

    public Task<ComputedFigure> OverrideAsync(string unitCode, string period, string code, FigureOverrideInput input, CancellationToken cancellationToken) =>
        WriteAsync($"override {code} {input.Value} {input.Reason}", () =>
        {
            var index = Figures.FindIndex(f => f.Code == code);
            var figure = Figures[index];
            Figures[index] = figure with
            {
                Number = input.Value, Override = new FigureOverride(figure.Override?.Computed ?? figure.Number!.Value, input.Reason!, "canbo", DateTimeOffset.UtcNow),
            };
            return Figures[index];
        });

    public Task RestoreAsync(string unitCode, string period, string code, CancellationToken cancellationToken) =>
        WriteAsync($"restore {code}", () =>
        {
            var index = Figures.FindIndex(f => f.Code == code);
            Figures[index] = Figures[index] with { Number = Figures[index].Override!.Computed, Override = null };
            return true;
        });

    public Task<UnitReport> WriteAsync(string unitCode, string period, string key, NarrativeInput input, CancellationToken cancellationToken) =>
        WriteAsync($"narrative {key} {input.Text}", () => Report);

    public Task<ReportFact> EnterAsync(string unitCode, string period, string code, FactInput input, CancellationToken cancellationToken) =>
        WriteAsync($"fact {code} {input.Value} {input.AtLeast} {input.Evidence}", () =>
        {
            var fact = Report.Facts.Single(f => f.Code == code);
            return fact with { Value = input.Value, AtLeast = input.AtLeast ?? false, Text = $"{(input.AtLeast == true ? "trên " : "")}{Vietnamese.Figure(input.Value!.Value)}", Evidence = input.Evidence };
        });

    public List<IndicatorValue> Indicators { get; } =
    [
        new("Dossiers.OnTimeRate", "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn", "computed", "rate", 1733, 1743, 99.426276528m),
        new("EOffice.ElectronicDocumentRate", "Tỷ lệ văn bản trao đổi dưới dạng điện tử, được ký số", "entered", "rate", null, null, null),
        new("Procedures.InterLevelCount", "Số TTHC, nhóm TTHC giải quyết liên thông giữa các cấp", "entered", "count", 32, null, 32),
    ];

    public Task<ReportIndicators> IndicatorsAsync(string unitCode, string period, CancellationToken cancellationToken) =>
        Task.FromResult(new ReportIndicators(unitCode, period, new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 4), [.. Indicators]));

    public Task<IndicatorValue> EnterIndicatorAsync(string unitCode, string period, string code, IndicatorInput input, CancellationToken cancellationToken) =>
        WriteAsync($"indicator {code} {input.Numerator} {input.Denominator} {input.Evidence}", () =>
        {
            var index = Indicators.FindIndex(i => i.Code == code);
            var indicator = Indicators[index];
            return Indicators[index] = indicator with
            {
                Numerator = input.Numerator, Denominator = input.Denominator,
                Value = indicator.Measure == "count" ? input.Numerator : input.Numerator * 100m / input.Denominator,
            };
        });

    /// <summary>The time the fake service writes and sends agencies' parts at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 3, 1, 15, 0, TimeSpan.Zero);

    public Task<UnitReport> WriteAgencyPartAsync(string unitCode, string period, string agencyCode, string key, NarrativeInput input, CancellationToken cancellationToken) =>
        WriteAsync($"agency part {agencyCode} {key} {input.Text}", () => Report = Report with
        {
            AgencyParts = [.. Report.AgencyParts.Where(p => p.AgencyCode != agencyCode || p.SectionKey != key), new(agencyCode, key, input.Text!, Now, null)],
        });

    public Task<UnitReport> SendAgencyPartsAsync(string unitCode, string period, string agencyCode, CancellationToken cancellationToken) =>
        WriteAsync($"agency send {agencyCode}", () => Report = Report with
        {
            AgencyParts = [.. Report.AgencyParts.Select(p => p.AgencyCode == agencyCode && p.Text.Length > 0 ? p with { SentAt = Now } : p)],
        });

    public Task<SubmittedVersion> SubmitAsync(string unitCode, string period, SubmitInput input, CancellationToken cancellationToken) =>
        WriteAsync($"submit {input.Sequence} {input.Symbol}", () =>
        {
            Report = Draft("submitted");
            return new SubmittedVersion(Report.Versions[^1]);
        });

    public Task<IReadOnlyList<VersionChange>> CompareAsync(string unitCode, string period, int before, int after, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VersionChange>>([new("narrative[I].text", "Ban hành Kế hoạch số 29.", "Ban hành Kế hoạch số 29 và 30.")]);

    public Task<ApiResponse<Stream>> PreviewAsync(string unitCode, string period, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApiResponse<Stream>> DocumentAsync(string unitCode, string period, int number, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>The ad hoc reports the province called for, listed in their year after the others.</summary>
    public List<ReportPeriod> AdHocPeriods { get; } = [];

    /// <summary>The statutory periods of the year with the default windows, March's monthly report, and the year's ad hoc reports.</summary>
    public Task<ReportPeriods> PeriodsAsync(string code, int year, CancellationToken cancellationToken)
    {
        var settings = SharedKernel.Reporting.ReportPeriodSettings.Default with { Monthly = SharedKernel.Reporting.MonthlyReportRule.CalendarMonth };
        var periods = SharedKernel.Reporting.ReportPeriod.ListFor(year).Append(new(year, SharedKernel.Reporting.ReportPeriodKind.Month, 3))
            .Select(p => (Period: p, Window: p.Window(settings)))
            .Select(p => new ReportPeriod(p.Period.Code, SharedKernel.Reporting.ReportPeriodKinds.Code(p.Period.Kind), p.Period.Name, p.Window.From, p.Window.To,
                p.Period.Due(settings)))
            .Concat(AdHocPeriods.Where(p => p.From.Year == year));
        return Task.FromResult(new ReportPeriods("20", year, [.. periods]));
    }

    public PeriodSettings Settings { get; set; } = new("20", SharedKernel.Reporting.ReportPeriodSettings.Default, true, null, null);

    public Task<PeriodSettings> PeriodSettingsAsync(string provinceCode, CancellationToken cancellationToken) => Task.FromResult(Settings);

    public Task<PeriodSettings> SavePeriodSettingsAsync(string provinceCode, SharedKernel.Reporting.ReportPeriodSettings settings, CancellationToken cancellationToken) =>
        WriteAsync($"settings monthly {settings.Monthly?.EndDay} {settings.Monthly?.DueDay}", () => Settings = new(provinceCode, settings, false, DateTimeOffset.UtcNow, "sonoivu"));

    public Task<ReportPeriod> CallAdHocAsync(string provinceCode, AdHocPeriodInput input, CancellationToken cancellationToken) =>
        WriteAsync($"ad hoc {input.Name} {input.From} {input.To} {input.Due}", () => new ReportPeriod("2026-DX01", "DX", input.Name!, input.From!.Value, input.To!.Value, input.Due!.Value));

    public Task<Submissions> SubmissionsAsync(string provinceCode, string period, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ProvinceStatistics> StatisticsAsync(string provinceCode, string period, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ProvinceStatistics> StatisticsBetweenAsync(string provinceCode, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ProvinceScorecard> ScorecardAsync(string provinceCode, string period, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReportVersionSummary> ReturnAsync(string provinceCode, string period, string unitCode, ReturnInput input, CancellationToken cancellationToken) =>
        WriteAsync($"return {provinceCode} {unitCode} {input.Reason}", () =>
        {
            Report = Draft("returned", input.Reason);
            return Report.Versions[^1];
        });

    public Task<ReportVersionSummary> AcceptAsync(string provinceCode, string period, string unitCode, CancellationToken cancellationToken) =>
        WriteAsync($"accept {provinceCode} {unitCode}", () =>
        {
            Report = Draft("accepted");
            return Report.Versions[^1];
        });

    public Task<ApiResponse<Stream>> DocumentAsync(string provinceCode, string period, CancellationToken cancellationToken) => throw new NotSupportedException();
}
