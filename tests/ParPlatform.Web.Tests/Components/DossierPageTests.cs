using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Desk;

namespace ParPlatform.Web.Tests.Components;

/// <summary>A dossier's page: the actions its state allows, offered only to those who work for its unit.</summary>
public sealed class DossierPageTests : ComponentTest
{
    [Fact]
    public void An_officer_of_the_unit_is_offered_the_actions_the_state_allows_in_Vietnamese()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("processing", "request-supplement", "request-fees", "request-withdrawal", "return-not-eligible", "resolve");
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal(
            ["Yêu cầu bổ sung", "Yêu cầu nộp phí", "Đề nghị rút hồ sơ", "Trả lại (không đủ điều kiện)", "Đã xử lý xong"],
            page.FindAll("button[data-testid^=action-]").Select(b => b.TextContent.Trim())));
        Assert.Equal("Đang xử lý", page.Find("[data-testid=dossier-status]").TextContent);
    }

    [Theory]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20")]
    [InlineData(PlatformRoles.UnitOfficer, "06181", "20")] // an officer of another unit of the province
    [InlineData(PlatformRoles.UnitChairman, "06118", "20")]
    public void Others_read_the_dossier_and_are_offered_no_action(string role, string? unit, string province)
    {
        SignIn(role, unit, province);
        var dossier = FakeDossiersApi.Dossier("registered", "receive", "refuse");
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=read-only]")));
        Assert.Empty(page.FindAll("button[data-testid^=action-]"));
        Assert.Empty(page.FindAll("[data-testid=action-note]"));
    }

    [Fact]
    public void The_chairman_of_the_unit_acts_like_its_officers()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("registered", "receive", "refuse");
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal("Tiếp nhận", page.Find("button[data-testid=action-receive]").TextContent.Trim()));
    }

    [Fact]
    public void A_reason_the_API_requires_is_asked_for_next_to_the_note()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("processing", "request-supplement", "resolve");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]> { ["note"] = ["Không được để trống."] },
        });
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("button[data-testid=action-request-supplement]").Click();

        page.WaitForAssertion(() => Assert.Contains("Không được để trống.", page.Find("[data-testid=action-note]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Equal(["request-supplement "], Api.Calls);
    }

    [Fact]
    public void A_refusal_of_the_state_shows_its_reason_and_the_dossier_as_it_was()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("received", "start", "request-withdrawal", "return-not-eligible");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.Conflict, new
        {
            title = "Không thực hiện được ở trạng thái hiện tại.",
            status = 409,
            detail = "Không thể bắt đầu xử lý hồ sơ đang ở trạng thái đang xử lý.",
            currentStatus = "processing",
        });
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("button[data-testid=action-start]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Không thực hiện được ở trạng thái hiện tại. Không thể bắt đầu xử lý hồ sơ đang ở trạng thái đang xử lý.",
            page.Find("[data-testid=action-problem]").TextContent.Trim()));
        Assert.Equal("Đã tiếp nhận", page.Find("[data-testid=dossier-status]").TextContent);
    }

    [Fact]
    public void An_action_done_shows_the_dossier_in_its_new_state_with_its_new_actions()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("received", "start", "request-withdrawal", "return-not-eligible");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => Task.FromResult(dossier with { Status = "processing", AllowedActions = ["request-supplement", "resolve"] });
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("button[data-testid=action-start]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đang xử lý", page.Find("[data-testid=dossier-status]").TextContent));
        Assert.Equal(["action-request-supplement", "action-resolve"],
            page.FindAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")));
    }
}
