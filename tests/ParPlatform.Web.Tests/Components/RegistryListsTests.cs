using Bunit;
using MudBlazor;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Admin;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The registry's lists: the units filtered by province, the integrator clients with a new secret or a revocation per row.</summary>
public sealed class RegistryListsTests : ComponentTest
{
    public RegistryListsTests() => SignIn(PlatformRoles.PlatformAdmin);

    [Fact]
    public async Task Choosing_a_province_lists_only_its_units_from_the_first_page()
    {
        Registry.Units.AddRange(Enumerable.Range(1, 24).Select(i => FakeRegistryApi.Unit($"061{i:00}", $"Xã Lạng Sơn {i}")));
        Registry.Units.Add(FakeRegistryApi.Unit("24778", "Phường Xuân Hương – Đà Lạt") with { ProvinceCode = "68" });
        var list = Render<UnitList>(_ => { });
        list.WaitForAssertion(() => Assert.Equal(20, Rows(list).Count));
        list.Find(".mud-table-pagination-actions button[aria-label='Next page']").Click();
        list.WaitForAssertion(() => Assert.Equal(6, Rows(list).Count));

        var province = list.FindComponents<MudSelect<string>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, "unit-filter-province"));
        await province.InvokeAsync(province.Instance.OpenMenu);
        Popovers.WaitForAssertion(() => Assert.Equal(["20 – Lạng Sơn", "68 – Lâm Đồng"],
            Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())));
        await province.InvokeAsync(() => province.Instance.SelectOption("68"));

        list.WaitForAssertion(() => Assert.Equal(["24778"], Rows(list).Select(r => r.Children[0].TextContent.Trim())));
        // The first page of the province's units is asked for, not the second page it does not have.
        Assert.Equal(["units  1 20", "units  2 20", "units 68 1 20"], Registry.Calls);
    }

    [Fact]
    public void The_integrators_are_listed_and_only_those_in_use_are_offered_a_secret_or_a_revocation()
    {
        var panel = RenderIntegrators();

        Assert.Equal(["Tỉnh 20", "Đang sử dụng"], Cells(panel, "langson-integrator", 2, 4));
        Assert.Equal(["Đơn vị 06112, 06118", "Đã thu hồi lúc 01/02/2026 10:00"], Cells(panel, "tamthanh-cu", 2, 4));
        Assert.Equal(["integrator-rotate-langson-integrator", "integrator-revoke-langson-integrator"], panel.Buttons("integrator-r"));
        Assert.DoesNotContain("bi-mat", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_secret_is_shown_once_for_the_row_chosen()
    {
        var panel = RenderIntegrators();

        panel.Find("button[data-testid=integrator-rotate-langson-integrator]").Click();

        panel.WaitForAssertion(() => Assert.Equal("bi-mat-moi-2", panel.Find("[data-testid=integrator-secret]").TextContent));
        Assert.Contains("langson-integrator", panel.Find("[data-testid=integrator-answer]").TextContent, StringComparison.Ordinal);
        Assert.Contains("rotate langson-integrator", Registry.Calls);
    }

    [Fact]
    public void A_revocation_asks_to_be_confirmed_then_the_list_shows_it()
    {
        var panel = RenderIntegrators();

        panel.Find("button[data-testid=integrator-revoke-langson-integrator]").Click();
        Assert.DoesNotContain("revoke langson-integrator", Registry.Calls);
        Registry.Integrators[0] = Registry.Integrators[0] with { RevokedAt = new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero) };
        panel.Find("button[data-testid=integrator-confirm-revoke-langson-integrator]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Đã thu hồi lúc 03/03/2026 08:00", Cells(panel, "langson-integrator", 4)[0]));
        Assert.Contains("Đã thu hồi langson-integrator", panel.Find("[data-testid=integrator-answer]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("button[data-testid^=integrator-r]"));
        Assert.Equal(["integrators  1 20", "revoke langson-integrator", "integrators  1 20"], Registry.Calls);
    }

    [Fact]
    public async Task The_integrators_are_filtered_by_status()
    {
        var panel = RenderIntegrators();
        var status = panel.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Trạng thái");

        await status.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("revoked"));

        panel.WaitForAssertion(() => Assert.Equal(["tamthanh-cu"], panel.FindAll("[data-testid^=integrator-row-]").Select(r => r.TextContent.Trim())));
        Assert.Equal("integrators True 1 20", Registry.Calls[^1]);
        await status.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("active"));
        panel.WaitForAssertion(() => Assert.Equal(["langson-integrator"], panel.FindAll("[data-testid^=integrator-row-]").Select(r => r.TextContent.Trim())));
    }

    private IRenderedComponent<IntegratorPanel> RenderIntegrators()
    {
        var panel = Render<IntegratorPanel>(_ => { });
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid^=integrator-row-]").Count));
        return panel;
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<UnitList> list) => [.. list.FindAll("[data-testid=unit-table] tbody tr")];

    private static string[] Cells(IRenderedComponent<IntegratorPanel> panel, string clientId, params int[] columns) =>
        [.. columns.Select(c => panel.Find($"[data-testid=integrator-row-{clientId}]").ParentElement!.Children[c].TextContent.Trim())];
}
