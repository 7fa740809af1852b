using System.Net;
using Bunit;
using MudBlazor;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Desk;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The unit's feedback: the steps its status allows, offered only to those who work for the unit; the API's field errors beside the fields.</summary>
public sealed class FeedbackTests : ComponentTest
{
    [Theory]
    [InlineData("received", new[] { "feedback-forward", "feedback-resolve" })]
    [InlineData("forwarded", new[] { "feedback-resolve" })]
    [InlineData("resolved", new[] { "feedback-publish" })]
    [InlineData("published", new string[0])]
    public void An_officer_is_offered_the_steps_the_status_allows(string status, string[] steps)
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Api.Feedback.Add(FakeDossiersApi.FeedbackIn(status));

        var list = Render<FeedbackList>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.CanAct, true));
        list.WaitForElement("[data-testid=feedback-table] tbody tr").Click();

        list.WaitForAssertion(() => Assert.Equal(
            Vietnamese.FeedbackStatus(status), list.Find("[data-testid=feedback-status]").TextContent));
        Assert.Equal(steps, list.Buttons("feedback-").Where(b => b is "feedback-forward" or "feedback-resolve" or "feedback-publish"));
    }

    [Fact]
    public void A_reader_sees_the_feedback_and_its_answer_with_nothing_to_do()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Api.Feedback.Add(FakeDossiersApi.FeedbackIn("resolved"));

        var list = Render<FeedbackList>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.CanAct, false));
        list.WaitForElement("[data-testid=feedback-table] tbody tr").Click();

        list.WaitForAssertion(() => Assert.Contains("Đã cấp giấy phép.", list.Find("[data-testid=feedback-answer-text]").TextContent, StringComparison.Ordinal));
        Assert.Empty(list.FindAll("button[data-testid^=feedback-]"));
        Assert.Null(list.Optional("feedback-receive-panel"));
    }

    [Fact]
    public void An_answer_refused_shows_the_API_field_error_beside_the_answer_and_an_answer_recorded_shows_next()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var feedback = FakeDossiersApi.FeedbackIn("forwarded");
        Api.Feedback.Add(feedback);
        Api.NextFeedbackWrite = () => Refusals.ThrowAsync<Api.Feedback>(HttpStatusCode.BadRequest, Refusals.Invalid("answer", "Không được để trống."));
        var list = Render<FeedbackList>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.CanAct, true));
        list.WaitForElement("[data-testid=feedback-table] tbody tr").Click();

        list.WaitForElement("button[data-testid=feedback-resolve]").Click();

        list.WaitForAssertion(() => Assert.Contains("Không được để trống.", list.FieldText("feedback-answer-input"), StringComparison.Ordinal));
        Assert.Equal(["resolve "], Api.Calls);

        Api.NextFeedbackWrite = () => Task.FromResult(FakeDossiersApi.FeedbackIn("resolved") with { Id = feedback.Id });
        list.Find("textarea[data-testid=feedback-answer-input]").Change("Đã cấp giấy phép.");
        list.Find("button[data-testid=feedback-resolve]").Click();

        list.WaitForAssertion(() => Assert.Equal("Đã giải quyết", list.Find("[data-testid=feedback-status]").TextContent));
        Assert.Equal(["feedback-publish"], list.Buttons("feedback-p"));
        Assert.Equal("resolve Đã cấp giấy phép.", Api.Calls[^1]);
    }

    [Fact]
    public async Task Feedback_is_forwarded_to_one_of_the_unit_s_registered_bodies_by_its_code()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var feedback = FakeDossiersApi.FeedbackIn("received");
        Api.Feedback.Add(feedback);
        Api.NextFeedbackWrite = () => Task.FromResult(feedback with { Status = "forwarded", ForwardedTo = "kinh-te", ForwardedAt = feedback.ReceivedAt });
        var list = Render<FeedbackList>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.CanAct, true));
        list.WaitForElement("[data-testid=feedback-table] tbody tr").Click();

        list.WaitForElement("input[data-testid=feedback-agency]");
        var agency = list.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Cơ quan xử lý");
        await agency.InvokeAsync(agency.Instance.OpenMenu);

        Popovers.WaitForAssertion(() => Assert.Equal(["Văn phòng HĐND và UBND", "Phòng Kinh tế"],
            Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())));
        await agency.InvokeAsync(() => agency.Instance.SelectOption("kinh-te"));
        list.Find("button[data-testid=feedback-forward]").Click();

        list.WaitForAssertion(() => Assert.Equal("Đã chuyển xử lý", list.Find("[data-testid=feedback-status]").TextContent));
        Assert.Equal(["forward kinh-te"], Api.Calls);
        Assert.Equal(["feedback-resolve"], list.Buttons("feedback-").Where(b => b is "feedback-forward" or "feedback-resolve" or "feedback-publish"));
    }

    [Fact]
    public void Receiving_feedback_shows_each_field_error_of_the_API_under_its_field()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Api.NextFeedbackWrite = () => Refusals.ThrowAsync<Api.Feedback>(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]> { ["subject"] = ["Không được để trống."], ["senderReference"] = ["Tối đa 64 ký tự."] },
        });
        var form = Render<ReceiveFeedbackForm>(p => p.Add(c => c.UnitCode, "06112"));

        form.Find("button[data-testid=feedback-receive-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Không được để trống.", form.FieldText("feedback-subject"), StringComparison.Ordinal));
        Assert.Contains("Tối đa 64 ký tự.", form.FieldText("feedback-reference"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tối đa", form.FieldText("feedback-subject"), StringComparison.Ordinal);
        Assert.Equal(["receive feedback portal  "], Api.Calls);
    }
}
