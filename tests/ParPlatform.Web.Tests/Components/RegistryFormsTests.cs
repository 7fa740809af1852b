using Bunit;
using Microsoft.AspNetCore.Components;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Admin;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The registry's forms: the API's field errors next to their fields, what each form sends, a secret shown once.</summary>
public sealed class RegistryFormsTests : ComponentTest
{
    public RegistryFormsTests() => SignIn(PlatformRoles.PlatformAdmin);

    [Fact]
    public void A_unit_refused_shows_each_field_error_next_to_its_field()
    {
        Registry.Refusal = Problem(("code", "Mã đơn vị gồm 5 chữ số."), ("provinceCode", "Chưa có tỉnh mã 99 trong danh mục; đăng ký tỉnh trước."));
        var form = Render<UnitForm>(p => p.Add(c => c.Provinces, Registry.Provinces));
        form.Find("input[data-testid=unit-code]").Change("061");
        form.Find("input[data-testid=unit-name]").Change("Xã Mới");

        form.Find("button[data-testid=unit-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("Dữ liệu gửi lên không hợp lệ.", form.Find("[data-testid=unit-problem]").TextContent.Trim()));
        Assert.Contains("Mã đơn vị gồm 5 chữ số.", FieldText(form, "unit-code"), StringComparison.Ordinal);
        Assert.Contains("Chưa có tỉnh mã 99", FieldText(form, "unit-province"), StringComparison.Ordinal);
        Assert.DoesNotContain("Mã đơn vị", FieldText(form, "unit-name"), StringComparison.Ordinal);
        Assert.Equal(["register unit 061 Xã Mới ward "], Registry.Calls);

        form.Find("input[data-testid=unit-code]").Change("06199");
        form.WaitForAssertion(() => Assert.DoesNotContain("Mã đơn vị gồm 5 chữ số.", FieldText(form, "unit-code"), StringComparison.Ordinal));
        Assert.Contains("Chưa có tỉnh mã 99", FieldText(form, "unit-province"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_changed_keeps_its_code_and_is_handed_on()
    {
        RegistryUnit? saved = null;
        var form = Render<UnitForm>(p => p.Add(c => c.Unit, Registry.Units[0]).Add(c => c.Provinces, Registry.Provinces)
            .Add(c => c.Saved, (RegistryUnit? u) => saved = u));
        Assert.True(form.Find("input[data-testid=unit-code]").HasAttribute("disabled"));

        form.Find("input[data-testid=unit-name]").Change("Phường Tam Thanh mới");
        form.Find("button[data-testid=unit-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("Phường Tam Thanh mới", saved?.Name));
        Assert.Equal(["update unit 06112 Phường Tam Thanh mới ward"], Registry.Calls);
    }

    [Fact]
    public void A_body_refused_shows_each_field_error_next_to_its_field()
    {
        Registry.Refusal = Problem(("code", "Mã cơ quan gồm 2–40 chữ thường không dấu."), ("name", "Không được để trống."));
        var form = Render<AgencyForm>(p => p.Add(c => c.UnitCode, "06112"));
        form.Find("input[data-testid=agency-code]").Change("Trường TH");

        form.Find("button[data-testid=agency-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Mã cơ quan gồm", FieldText(form, "agency-code"), StringComparison.Ordinal));
        Assert.Contains("Không được để trống.", FieldText(form, "agency-name"), StringComparison.Ordinal);
        Assert.DoesNotContain("Không được", FieldText(form, "agency-kind"), StringComparison.Ordinal);
        Assert.Equal(["register agency 06112 Trường TH  administrative"], Registry.Calls);
    }

    [Fact]
    public async Task A_unit_gets_a_school_and_its_bodies_are_filtered_by_kind()
    {
        var panel = Render<AgencyPanel>(_ => { });
        panel.Find("input[data-testid=agency-unit]").Change("06112");
        panel.Find("button[data-testid=agency-open]").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=agency-table] tbody tr")));

        panel.Find("input[data-testid=agency-code]").Change("truong-th");
        panel.Find("input[data-testid=agency-name]").Change("Trường Tiểu học Tam Thanh");
        var kind = panel.FindComponents<MudBlazor.MudSelect<string>>()[0];
        await panel.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync("school"));
        Registry.Agencies.Add(new Agency(Guid.CreateVersion7(), "truong-th", "Trường Tiểu học Tam Thanh", "school", "06112")); // as the service then lists it
        panel.Find("button[data-testid=agency-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("register agency 06112 truong-th Trường Tiểu học Tam Thanh school", Registry.Calls));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=agency-table] tbody tr").Count));
        var filter = panel.FindComponents<MudBlazor.MudSelect<string>>()[1];
        await panel.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync("school"));
        panel.WaitForAssertion(() => Assert.Equal(["truong-th"], panel.FindAll("[data-testid=agency-table] tbody tr td:first-child").Select(td => td.TextContent)));
        Assert.Contains("Trường học công lập", panel.Find("[data-testid=agency-table] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_refused_shows_each_field_error_next_to_its_field()
    {
        Registry.Refusal = Problem(("userName", "Tên đăng nhập gồm 3–64 chữ thường không dấu."), ("agencyCode", "Đơn vị 06112 không có cơ quan mã abc."),
            ("password", "Mật khẩu có ít nhất 12 ký tự."));
        var form = Render<UserForm>(_ => { });
        form.Find("input[data-testid=account-user-name]").Change("Nguyen Van A");
        form.Find("input[data-testid=user-unit]").Change("06112");
        form.Find("input[data-testid=user-agency]").Change("abc");

        form.Find("button[data-testid=user-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Tên đăng nhập gồm", FieldText(form, "account-user-name"), StringComparison.Ordinal));
        Assert.Contains("không có cơ quan mã abc", FieldText(form, "user-agency"), StringComparison.Ordinal);
        Assert.Contains("ít nhất 12 ký tự", FieldText(form, "user-password"), StringComparison.Ordinal);
        Assert.DoesNotContain("không có cơ quan", FieldText(form, "user-unit"), StringComparison.Ordinal);
        Assert.Equal(["register user Nguyen Van A unit-officer unit=06112 agency=abc province="], Registry.Calls);
    }

    [Fact]
    public async Task An_account_of_a_province_is_asked_for_its_province_and_not_for_a_unit()
    {
        var form = Render<UserForm>(_ => { });

        var role = form.FindComponent<MudBlazor.MudSelect<string>>();
        await form.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(PlatformRoles.ProvinceReviewer));
        form.WaitForAssertion(() => Assert.Single(form.FindAll("input[data-testid=user-province]")));
        Assert.Empty(form.FindAll("input[data-testid=user-unit]"));
        Assert.Empty(form.FindAll("input[data-testid=user-agency]"));
        form.Find("input[data-testid=account-user-name]").Change("bacninh.sonoivu");
        form.Find("input[data-testid=user-province]").Change("24");
        form.Find("button[data-testid=user-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal(["register user bacninh.sonoivu province-reviewer unit= agency= province=24"], Registry.Calls));
    }

    [Fact]
    public void A_new_password_refused_shows_its_error_under_the_field()
    {
        Registry.Users.Add(FakeRegistryApi.User("tamthanh.canbo", locked: true));
        var list = Render<UserList>(_ => { });
        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=user-unlock-tamthanh\\.canbo]")));
        Assert.Single(list.FindAll("[data-testid=user-disable-tamthanh\\.canbo]"));
        Assert.Empty(list.FindAll("[data-testid=user-enable-tamthanh\\.canbo]"));
        Registry.Refusal = Problem(("password", "Mật khẩu có ít nhất 12 ký tự."));

        list.Find("[data-testid=user-password-tamthanh\\.canbo]").Click();
        list.Find("input[data-testid=new-password]").Change("ngan");
        list.Find("button[data-testid=password-submit]").Click();

        list.WaitForAssertion(() => Assert.Contains("ít nhất 12 ký tự", list.Find("[data-testid=new-password]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Contains("password tamthanh.canbo ngan", Registry.Calls);
    }

    [Fact]
    public void An_integrators_secret_is_shown_once_when_it_is_registered()
    {
        var panel = Render<IntegratorPanel>(_ => { });
        panel.Find("input[data-testid=integrator-id]").Change("bacninh-motcua");
        panel.Find("input[data-testid=integrator-name]").Change("Hệ thống một cửa Bắc Ninh");
        panel.Find("input[data-testid=integrator-units]").Change("06112, 06118");

        panel.Find("button[data-testid=integrator-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal("bi-mat-moi-1", panel.Find("[data-testid=integrator-secret]").TextContent));
        Assert.Equal(["integrators  1 20", "register integrator bacninh-motcua province= units=06112,06118", "integrators  1 20"], Registry.Calls);
        Assert.Equal("", panel.Find("input[data-testid=integrator-id]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void An_integrator_refused_shows_the_error_next_to_its_scope()
    {
        Registry.Refusal = Problem(("provinceCode", "Ghi đúng một phạm vi: một tỉnh (provinceCode) hoặc danh sách đơn vị (unitCodes)."));
        var panel = Render<IntegratorPanel>(_ => { });

        panel.Find("button[data-testid=integrator-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Ghi đúng một phạm vi", panel.Find("[data-testid=integrator-province]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("[data-testid=integrator-answer]"));
    }

    [Fact]
    public void A_province_refused_shows_the_error_next_to_its_code()
    {
        Registry.Refusal = Problem(("code", "Mã tỉnh gồm 2 chữ số."));
        var list = Render<ProvinceList>(_ => { });
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=province-table] tbody tr").Count));

        list.Find("button[data-testid=province-submit]").Click();

        list.WaitForAssertion(() => Assert.Contains("Mã tỉnh gồm 2 chữ số.", FieldText(list, "province-code"), StringComparison.Ordinal));
        Assert.DoesNotContain("Mã tỉnh", FieldText(list, "province-name"), StringComparison.Ordinal);
    }

    internal static object Problem(params (string Field, string Message)[] errors) => new
    {
        title = "Dữ liệu gửi lên không hợp lệ.",
        status = 400,
        errors = errors.ToDictionary(e => e.Field, e => new[] { e.Message }),
    };

    internal static string FieldText<T>(IRenderedComponent<T> component, string testId)
        where T : IComponent =>
        component.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;
}
