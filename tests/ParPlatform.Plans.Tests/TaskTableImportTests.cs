using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Plans.Apis;
using ParPlatform.TestSupport;
using static ParPlatform.Plans.Tests.PlansFixture;

namespace ParPlatform.Plans.Tests;

/// <summary>The task-table import: how the table's rows structure the tasks, and a table checked whole.</summary>
public sealed class TaskTableImportTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private const string Header = "STT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,\"Nội dung, nhiệm vụ và giải pháp\",Chủ trì,Phối hợp,Thời gian,Ghi chú\n";

    private async Task<Guid> DraftAsync() => (await plans.Officer(NamGiaNghia).DraftAsync(PlanApi.UnitPlans(NamGiaNghia), SeedPlans.NamGiaNghia())).Id;

    [Fact]
    public async Task Area_and_sub_group_rows_structure_the_tasks_under_them()
    {
        var id = await DraftAsync();
        var csv = Header +
            "3,CẢI CÁCH THỦ TỤC HÀNH CHÍNH,,,,,\n" +
            "3.3,Kết quả giải quyết hồ sơ TTHC,,,,,\n" +
            "3.3.3,Xin lỗi người dân,100% TTHC trễ hẹn được xin lỗi (bằng văn bản),\"Các phòng, đơn vị thuộc UBND phường\",Trung tâm Phục vụ hành chính công phường; các phòng liên quan,Năm 2026,\n" +
            "7,\"XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN, CHÍNH QUYỀN SỐ\",,,,,\n" +
            "7.2,\"Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước\",,,,,\n" +
            ",Xử lý văn bản trên môi trường mạng,\"100% xử lý văn bản, hồ sơ công việc trên môi trường mạng\",\"Các phòng, ban liên quan\",,Năm 2026,\n" +
            "7.3.1,Trang thông tin điện tử,Trang thông tin điện tử đáp ứng yêu cầu,\"Văn phòng HĐND và UBND; Phòng Văn hóa - xã hội phường\",Phòng văn hoá – xã hội,Thường xuyên,\n" +
            "8,TÁC ĐỘNG CỦA CCHC,,,,,\n" +
            "8.1,Mức độ hài lòng của người dân,Phấn đấu mức độ hài lòng đạt từ 90% trở lên,,,,\n";

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), id, csv);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tasks = (await response.Content.ReadFromJsonAsync<PlanResponse>(PlanApi.Json))!.Tasks;
        Assert.Equal(["3.3.3", null, "7.3.1", "8.1"], tasks.Select(t => t.Code));
        Assert.Equal(["procedures", "digital-government", "digital-government", "impact"], tasks.Select(t => SharedKernel.EnumNames.Name(t.Area!.Value)));
        Assert.Equal(["3.3 Kết quả giải quyết hồ sơ TTHC", "7.2 Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước", null, null],
            tasks.Select(t => t.Group));
        Assert.Equal("all-agencies", Assert.Single(tasks[0].Leads).Group);
        Assert.Equal("related-agencies", Assert.Single(tasks[1].Leads).Group);
        Assert.Equal(["van-phong", "van-hoa-xa-hoi"], tasks[2].Leads.Select(b => b.AgencyCode));
        Assert.Equal(("none", 0, 0), (tasks[3].TimeframeKind, tasks[3].Leads.Count, tasks[3].Cooperating.Count));
    }

    [Fact]
    public async Task The_same_table_as_an_Excel_workbook()
    {
        var id = await DraftAsync();
        var workbook = Workbooks.Build(
            ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Nội dung, nhiệm vụ và giải pháp", "Chủ trì", "Phối hợp", "Thời gian", "Ghi chú"],
            ["2.1", "Xây dựng và tổ chức thực hiện VBQPPL", "Rà soát VBQPPL", "Văn phòng HĐND và UBND", "Các phòng thuộc UBND phường", "Quý I/2026", null]);
        using var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ServiceDefaults.Imports.ImportUploads.Xlsx);

        using var response = await plans.Officer(NamGiaNghia).PostAsync($"{PlanApi.UnitPlans(NamGiaNghia)}/{id}/tasks/import", content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var task = Assert.Single((await response.Content.ReadFromJsonAsync<PlanResponse>(PlanApi.Json))!.Tasks);
        Assert.Equal(("2.1", "quarter", new DateOnly(2026, 3, 31), "van-phong"), (task.Code, task.TimeframeKind, task.DueDate!.Value, Assert.Single(task.Leads).AgencyCode));
    }

    [Fact]
    public async Task One_bad_row_answers_every_bad_row_and_writes_nothing()
    {
        var id = await DraftAsync();
        var good = "1.2,Ban hành Kế hoạch tuyên truyền CCHC,Kế hoạch,Phòng Văn hoá - Xã hội,Các phòng thuộc UBND phường,Tháng 01/2026,\n";
        var csv = Header + good +
            "1.3,Kiểm tra CCHC,,Phòng Tư pháp,Các phòng liên quan,Qúy III năm 2026,\n" +
            "1.4,Tuyên truyền,,Phòng Văn hoá - Xã hội,Các phòng thuộc UBND phường,Sớm nhất có thể,\n" +
            "1.x,Đối thoại,,Phòng Văn hoá - Xã hội,Ban Tuyên giáo,Năm 2026,\n" +
            "1,ĐIỀU CHƯA CÓ,,,,,\n";

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), id, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = body.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "Chủ trì"), (4, "Thời gian"), (5, "STT"), (5, "Phối hợp"), (6, "Lĩnh vực/Tiêu chí/Tiêu chí thành phần")], rows);
        Assert.Contains("Phòng Tư pháp", body.RootElement.GetProperty("rows")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await plans.Officer(NamGiaNghia).GetPlanAsync(PlanApi.UnitPlans(NamGiaNghia), id)).Tasks);
    }

    [Fact]
    public async Task A_table_without_the_columns_of_the_appendix_is_refused_by_its_header()
    {
        var id = await DraftAsync();

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), id, "STT,Nội dung\n1,x\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(body.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal(1, r.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task An_issued_plan_takes_no_import()
    {
        var id = await DraftAsync();
        await plans.Chairman(NamGiaNghia).IssueAsync(PlanApi.UnitPlans(NamGiaNghia), id, "99", new DateOnly(2025, 12, 31));

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), id,
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seeds", "002-sample.csv")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
