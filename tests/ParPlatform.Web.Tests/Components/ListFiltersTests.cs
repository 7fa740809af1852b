using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components;
using ParPlatform.Web.Components.Admin;
using ParPlatform.Web.Components.Finance;
using ParPlatform.Web.Components.Plans;
using ParPlatform.Web.Components.Province;
using ParPlatform.Web.Components.Reports;
using ParPlatform.Web.Components.Staffing;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// Every list is filterable (issue 22): what is typed in a list's search box leaves the rows that match it, its cross brings every
/// row back — the staffing's scopes, a report's versions, a plan's targets, a task's updates, the calendar's years, a refused file's
/// problems, the capital plan's lines, the province's periods.
/// </summary>
public sealed class ListFiltersTests : ComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_staffing_scopes_are_found_by_the_agency_s_name_or_code()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Staffing.Year = Staffing.Year with
        {
            Agencies = [new ScopeStaffing("van-phong", null, null, [], false), new ScopeStaffing("kinh-te", null, null, [], false)],
        };
        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));
        string[] all = ["Toàn đơn vị", "Văn phòng HĐND và UBND", "Phòng Kinh tế"];
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("staffing-table", 1)), Wait);

        page.Search("staffing-search", "kinh tế");
        page.WaitForAssertion(() => Assert.Equal(["Phòng Kinh tế"], page.Column("staffing-table", 1)), Wait);
        page.Search("staffing-search", "van-");
        page.WaitForAssertion(() => Assert.Equal(["Văn phòng HĐND và UBND"], page.Column("staffing-table", 1)), Wait);

        page.ClearSearch("staffing-search");
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("staffing-table", 1)), Wait);
    }

    [Fact]
    public void A_reports_versions_are_found_by_number_decision_or_reason()
    {
        ReportVersionSummary Version(int number, string document, bool onTime, string? decision, string? reason) =>
            new(number, document, new DateOnly(2026, 3, 3 + number), new DateOnly(2026, 3, 5), onTime, "chutich", decision, reason, null);
        var report = FakeReportsApi.Draft("submitted") with
        {
            Versions =
            [
                Version(1, "188/BC-UBND", true, "returned", "Thiếu số liệu tài chính"),
                Version(2, "201/BC-UBND", false, "returned", "Chưa ký số"),
                Version(3, "215/BC-UBND", false, null, null),
            ],
        };
        var submissions = Render<ReportSubmissions>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Report, report));
        Assert.Equal(["1", "2", "3"], submissions.Column("versions", 1));

        submissions.Search("versions-search", "trả lại");
        submissions.WaitForAssertion(() => Assert.Equal(["1", "2"], submissions.Column("versions", 1)), Wait);
        submissions.Search("versions-search", "ký số");
        submissions.WaitForAssertion(() => Assert.Equal(["2"], submissions.Column("versions", 1)), Wait);
        submissions.Search("versions-search", "215");
        submissions.WaitForAssertion(() => Assert.Equal(["3"], submissions.Column("versions", 1)), Wait);
        submissions.Search("versions-search", "chờ xem xét");
        submissions.WaitForAssertion(() => Assert.Equal(["3"], submissions.Column("versions", 1)), Wait);

        submissions.ClearSearch("versions-search");
        submissions.WaitForAssertion(() => Assert.Equal(["1", "2", "3"], submissions.Column("versions", 1)), Wait);
    }

    [Fact]
    public void A_plans_targets_are_found_by_code_area_text_or_indicator()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        PlanTarget Target(string code, string area, string text, string? indicator) =>
            new(Guid.CreateVersion7(), code, area, text, indicator, indicator is null ? null : "at-least", indicator is null ? null : 90, null, null, null);
        var plan = FakePlansApi.Plan("issued") with
        {
            Targets =
            [
                Target("1", "procedures", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Dossiers.OnTimeRate"),
                Target("2", "digital-government", "Tỷ lệ văn bản gửi dưới dạng điện tử", "Documents.ElectronicRate"),
                Target("3", "civil-service", "Cán bộ, công chức được tập huấn", null),
            ],
        };
        Plans.Plans.Add(plan);
        var page = Render<PlanPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, plan.Id));
        page.WaitForAssertion(() => Assert.Equal(["1", "2", "3"], page.Column("plan-targets", 1)), Wait);

        page.Search("targets-search", "chính quyền số");
        page.WaitForAssertion(() => Assert.Equal(["2"], page.Column("plan-targets", 1)), Wait);
        page.Search("targets-search", "Dossiers.");
        page.WaitForAssertion(() => Assert.Equal(["1"], page.Column("plan-targets", 1)), Wait);
        page.Search("targets-search", "tập huấn");
        page.WaitForAssertion(() => Assert.Equal(["3"], page.Column("plan-targets", 1)), Wait);
        page.Search("targets-search", "không có");
        page.WaitForAssertion(() => Assert.Equal(["Không có chỉ tiêu nào khớp."], page.Column("plan-targets", 1)), Wait);

        page.ClearSearch("targets-search");
        page.WaitForAssertion(() => Assert.Equal(["1", "2", "3"], page.Column("plan-targets", 1)), Wait);
    }

    [Fact]
    public void A_tasks_updates_are_found_by_status_note_evidence_or_date()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        var task = FakePlansApi.TaskIn("done");
        var plan = FakePlansApi.Plan("issued", task);
        Plans.Plans.Add(plan);
        TaskProgress Update(string status, DateOnly date, string note, string? evidence) =>
            new(Guid.CreateVersion7(), status, date, note, evidence, null, "u1", new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero));
        Plans.Progress[task.Id] =
        [
            Update("in-progress", new DateOnly(2026, 1, 20), "Đã xây dựng dự thảo.", null),
            Update("in-progress", new DateOnly(2026, 2, 10), "Đã lấy ý kiến các phòng.", "Công văn 45/UBND"),
            Update("done", new DateOnly(2026, 3, 2), "Đã ban hành.", "Quyết định 12/QĐ-UBND"),
        ];
        var page = Render<TaskPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PlanId, plan.Id).Add(c => c.TaskId, task.Id));
        string[] all = ["20/01/2026", "10/02/2026", "02/03/2026"];
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("task-history", 1)), Wait);

        page.Search("history-search", "đang thực hiện");
        page.WaitForAssertion(() => Assert.Equal(["20/01/2026", "10/02/2026"], page.Column("task-history", 1)), Wait);
        page.Search("history-search", "quyết định");
        page.WaitForAssertion(() => Assert.Equal(["02/03/2026"], page.Column("task-history", 1)), Wait);
        page.Search("history-search", "/02/2026");
        page.WaitForAssertion(() => Assert.Equal(["10/02/2026"], page.Column("task-history", 1)), Wait);
        page.Search("history-search", "dự thảo");
        page.WaitForAssertion(() => Assert.Equal(["20/01/2026"], page.Column("task-history", 1)), Wait);

        page.ClearSearch("history-search");
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("task-history", 1)), Wait);
    }

    [Fact]
    public void The_calendars_years_are_found_by_year_or_by_one_of_their_days()
    {
        SignIn(PlatformRoles.PlatformAdmin);
        CalendarYear Year(int year, params DateOnly[] daysOff) => new(year, daysOff, [], DateTimeOffset.UtcNow, "admin");
        Registry.Years.AddRange(
        [
            Year(2025, new DateOnly(2025, 1, 1), new DateOnly(2025, 9, 2)),
            Year(2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30)),
            Year(2027, new DateOnly(2027, 1, 1)),
        ]);
        var page = Render<CalendarPage>(_ => { });
        page.WaitForAssertion(() => Assert.Equal(["2025", "2026", "2027"], page.Column("calendar-years", 1)), Wait);

        page.Search("calendar-years-search", "2026");
        page.WaitForAssertion(() => Assert.Equal(["2026"], page.Column("calendar-years", 1)), Wait);
        page.Search("calendar-years-search", "02/09");
        page.WaitForAssertion(() => Assert.Equal(["2025"], page.Column("calendar-years", 1)), Wait);
        page.Search("calendar-years-search", "01/01");
        page.WaitForAssertion(() => Assert.Equal(["2025", "2026", "2027"], page.Column("calendar-years", 1)), Wait);
        page.Search("calendar-years-search", "2030");
        page.WaitForAssertion(() => Assert.Equal(["Không có năm nào khớp."], page.Column("calendar-years", 1)), Wait);

        page.ClearSearch("calendar-years-search");
        page.WaitForAssertion(() => Assert.Equal(["2025", "2026", "2027"], page.Column("calendar-years", 1)), Wait);
    }

    [Fact]
    public void A_refused_files_problems_are_found_by_row_column_or_reason()
    {
        var refusal = new ImportRefusal("Tệp có dòng không hợp lệ; chưa ghi hồ sơ nào. 4 lỗi.", 4,
        [
            new ImportRowProblem(2, "procedureCode", "Đơn vị không có thủ tục mã 9.999; nhập danh mục thủ tục trước."),
            new ImportRowProblem(3, "channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\"."),
            new ImportRowProblem(12, "receivedAt", "Ngày tiếp nhận không đúng dạng yyyy-MM-dd."),
            new ImportRowProblem(21, "channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\"."),
        ]);
        var table = Render<ImportRefusalTable>(p => p.Add(c => c.Refusal, refusal));
        Assert.Equal(["2", "3", "12", "21"], table.Column("import-errors", 1));

        table.Search("import-errors-search", "channel");
        table.WaitForAssertion(() => Assert.Equal(["3", "21"], table.Column("import-errors", 1)), Wait);
        table.Search("import-errors-search", "2");
        table.WaitForAssertion(() => Assert.Equal(["2"], table.Column("import-errors", 1)), Wait);
        table.Search("import-errors-search", "ngày tiếp nhận");
        table.WaitForAssertion(() => Assert.Equal(["12"], table.Column("import-errors", 1)), Wait);

        table.ClearSearch("import-errors-search");
        table.WaitForAssertion(() => Assert.Equal(["2", "3", "12", "21"], table.Column("import-errors", 1)), Wait);
    }

    [Fact]
    public void The_capital_plans_lines_are_found_by_source_or_project()
    {
        Finance.Plan = Finance.Plan with
        {
            Sources =
            [
                FakeFinanceApi.Line("nsdp", null, 1_500_000_000, 300_000_000, 20),
                FakeFinanceApi.Line("oda", null, 2_000_000_000, 0, 0) with { SourceName = "Vốn vay ODA" },
            ],
            Projects =
            [
                FakeFinanceApi.Line("nsdp", "Đường Tam Thanh – Kỳ Lừa", 1_000_000_000, 300_000_000, 30),
                FakeFinanceApi.Line("nsdp", "Trường tiểu học Chi Lăng", 500_000_000, 0, 0),
                FakeFinanceApi.Line("oda", "Cấp nước sạch", 2_000_000_000, 0, 0) with { SourceName = "Vốn vay ODA" },
            ],
        };
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026));
        string[] all = ["Cả nguồn vốn", "Cả nguồn vốn", "Đường Tam Thanh – Kỳ Lừa", "Trường tiểu học Chi Lăng", "Cấp nước sạch"];
        panel.WaitForAssertion(() => Assert.Equal(all, panel.Column("capital-plan-lines", 2)), Wait);

        panel.Search("capital-plan-lines-search", "tiểu học");
        panel.WaitForAssertion(() => Assert.Equal(["Trường tiểu học Chi Lăng"], panel.Column("capital-plan-lines", 2)), Wait);
        panel.Search("capital-plan-lines-search", "ODA");
        panel.WaitForAssertion(() => Assert.Equal(["Cả nguồn vốn", "Cấp nước sạch"], panel.Column("capital-plan-lines", 2)), Wait);

        panel.ClearSearch("capital-plan-lines-search");
        panel.WaitForAssertion(() => Assert.Equal(all, panel.Column("capital-plan-lines", 2)), Wait);
    }

    [Fact]
    public void The_provinces_periods_are_found_by_code_name_or_kind()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        var year = Vietnamese.Today(TimeProvider.System).Year;
        Reports.AdHocPeriods.Add(new ReportPeriod($"{year}-DX01", "DX", "Tình hình giải ngân vốn đầu tư công", new DateOnly(year, 1, 1),
            new DateOnly(year, 5, 31), new DateOnly(year, 6, 5)));
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        string[] all = [$"{year}-Q1", $"{year}-6M", $"{year}-Q3", $"{year}-Y", $"{year}-M03", $"{year}-DX01"];
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("periods", 1)), Wait);

        page.Search("periods-search", "đột xuất");
        page.WaitForAssertion(() => Assert.Equal([$"{year}-DX01"], page.Column("periods", 1)), Wait);
        page.Search("periods-search", "quý");
        page.WaitForAssertion(() => Assert.Equal([$"{year}-Q1", $"{year}-Q3"], page.Column("periods", 1)), Wait);
        page.Search("periods-search", "m03");
        page.WaitForAssertion(() => Assert.Equal([$"{year}-M03"], page.Column("periods", 1)), Wait);
        page.Search("periods-search", "giải ngân");
        page.WaitForAssertion(() => Assert.Equal([$"{year}-DX01"], page.Column("periods", 1)), Wait);

        page.ClearSearch("periods-search");
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("periods", 1)), Wait);
    }
}
