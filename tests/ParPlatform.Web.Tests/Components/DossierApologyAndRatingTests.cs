using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Desk;

namespace ParPlatform.Web.Tests.Components;

/// <summary>A dossier's apology letter and rating: offered only while its state allows them and only to those who work for its unit.</summary>
public sealed class DossierApologyAndRatingTests : ComponentTest
{
    private static readonly DossierApology Letter =
        new(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero), "Chờ xác minh của cơ quan khác.", new DateOnly(2026, 3, 10), "u1", null);

    [Theory]
    [InlineData("received", false, true)]
    [InlineData("processing", false, true)]
    [InlineData("supplement-requested", false, true)]
    [InlineData("processing", true, false)] // overdue: a letter must go before the due date
    [InlineData("registered", false, false)]
    [InlineData("resolved", false, false)]
    [InlineData("stopped", false, false)]
    public void An_officer_is_offered_the_apology_while_the_dossier_is_open_and_not_yet_late(string status, bool overdue, bool offered)
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier(status) with { Overdue = overdue };
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("[data-testid=dossier-status]");
        Assert.Equal(offered, page.Optional("apology-form") is not null);
    }

    [Fact]
    public void A_dossier_apologised_for_shows_its_letter_and_is_not_offered_another()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("processing") with { Apology = Letter };
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Contains("hẹn trả ngày 10/03/2026", page.Find("[data-testid=dossier-apology]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Chờ xác minh của cơ quan khác.", page.Find("[data-testid=dossier-apology]").TextContent, StringComparison.Ordinal);
        Assert.Null(page.Optional("apology-form"));
    }

    [Theory]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "processing", "apology-form")]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "resolved", "rating-form")]
    [InlineData(PlatformRoles.UnitOfficer, "06181", "processing", "apology-form")] // an officer of another unit of the province
    [InlineData(PlatformRoles.UnitOfficer, "06181", "resolved", "rating-form")]
    public void Others_are_offered_neither_apology_nor_rating(string role, string? unit, string status, string form)
    {
        SignIn(role, unit, "20");
        var dossier = FakeDossiersApi.Dossier(status);
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("[data-testid=read-only]");
        Assert.Null(page.Optional(form));
    }

    [Fact]
    public void The_apology_shows_the_API_field_errors_next_to_the_reason_and_the_date()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("processing");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["reason"] = ["Không được để trống."],
                ["newDueDate"] = ["Ngày hẹn mới phải sau hạn hiện tại (03/03/2026) và trong vòng một năm."],
            },
        });
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("button[data-testid=apology-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Không được để trống.", page.FieldText("apology-reason"), StringComparison.Ordinal));
        Assert.Contains("Ngày hẹn mới phải sau hạn hiện tại", page.FieldText("apology-date"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ngày hẹn mới", page.FieldText("apology-reason"), StringComparison.Ordinal);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", page.Find("[data-testid=apology-problem]").TextContent.Trim());
        Assert.Equal(["apology  "], Api.Calls);
    }

    [Fact]
    public void A_letter_too_late_shows_the_service_reason_and_one_sent_shows_on_the_dossier()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("processing");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.Conflict, new
        {
            title = "Không thực hiện được.",
            status = 409,
            detail = "Phiếu xin lỗi phải gửi trước hạn ít nhất 1 ngày làm việc; hạn của hồ sơ là 17:00 03/03/2026.",
        });
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));
        page.WaitForElement("textarea[data-testid=apology-reason]").Change("Chờ xác minh của cơ quan khác.");
        page.Find("input[data-testid=apology-date]").Change("10/03/2026");

        page.Find("button[data-testid=apology-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Không thực hiện được. Phiếu xin lỗi phải gửi trước hạn ít nhất 1 ngày làm việc; hạn của hồ sơ là 17:00 03/03/2026.",
            page.Find("[data-testid=apology-problem]").TextContent.Trim()));
        Assert.Equal(["apology 2026-03-10 Chờ xác minh của cơ quan khác."], Api.Calls);

        Api.NextWrite = () => Task.FromResult(dossier with { Apology = Letter });
        page.Find("button[data-testid=apology-submit]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Optional("dossier-apology")));
        Assert.Null(page.Optional("apology-form"));
    }

    [Theory]
    [InlineData("resolved", null, true)]
    [InlineData("result-returned", null, true)]
    [InlineData("result-returned", "satisfied", false)]
    [InlineData("processing", null, false)]
    [InlineData("returned-not-eligible", null, false)]
    public void An_officer_records_a_rating_of_a_resolved_dossier_once(string status, string? rating, bool offered)
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var dossier = FakeDossiersApi.Dossier(status) with { Rating = rating, RatedAt = rating is null ? null : DateTimeOffset.UnixEpoch };
        Api.Dossiers.Add(dossier);

        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("[data-testid=dossier-status]");
        Assert.Equal(offered, page.Optional("rating-form") is not null);
        Assert.Equal(rating is not null, page.Optional("dossier-rating") is not null);
    }

    [Fact]
    public void The_rating_shows_the_API_field_error_under_the_choice_and_the_rating_once_recorded()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var dossier = FakeDossiersApi.Dossier("resolved");
        Api.Dossiers.Add(dossier);
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.BadRequest, Refusals.Invalid("rating",
            "Mức đánh giá là \"very-satisfied\" (rất hài lòng), \"satisfied\" (hài lòng) hoặc \"not-satisfied\" (không hài lòng)."));
        var page = Render<DossierPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, dossier.Id));

        page.WaitForElement("button[data-testid=rating-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Mức đánh giá là", page.FieldText("rating-value"), StringComparison.Ordinal));
        Assert.Equal(["rating "], Api.Calls);

        Api.NextWrite = () => Task.FromResult(dossier with { Rating = "very-satisfied", RatedAt = new DateTimeOffset(2026, 3, 4, 2, 0, 0, TimeSpan.Zero) });
        page.Find("button[data-testid=rating-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Rất hài lòng (04/03/2026 09:00)", page.Find("[data-testid=dossier-rating]").TextContent.Trim()));
        Assert.Null(page.Optional("rating-form"));
    }
}
