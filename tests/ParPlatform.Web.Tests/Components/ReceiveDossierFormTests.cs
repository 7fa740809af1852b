using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Desk;

namespace ParPlatform.Web.Tests.Components;

/// <summary>Receiving a dossier: the API's field errors next to their fields; the registered dossier handed on.</summary>
public sealed class ReceiveDossierFormTests : ComponentTest
{
    public ReceiveDossierFormTests() => SignIn(PlatformRoles.UnitOfficer, unit: "06112");

    [Fact]
    public void Each_field_error_of_the_API_shows_under_its_field()
    {
        Api.NextWrite = () => FakeDossiersApi.RefusedAsync(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["procedureCode"] = ["Không được để trống."],
                ["applicantReference"] = ["Tối đa 100 ký tự."],
            },
        });
        var form = Render<ReceiveDossierForm>(p => p.Add(c => c.UnitCode, "06112"));

        form.Find("button[data-testid=receive-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("Dữ liệu gửi lên không hợp lệ.", form.Find("[data-testid=receive-problem]").TextContent.Trim()));
        Assert.Contains("Không được để trống.", FieldText(form, "receive-procedure"), StringComparison.Ordinal);
        Assert.Contains("Tối đa 100 ký tự.", FieldText(form, "receive-reference"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tối đa", FieldText(form, "receive-external-id"), StringComparison.Ordinal);
        Assert.DoesNotContain("Không được", FieldText(form, "receive-channel"), StringComparison.Ordinal);

        // Corrected, a field loses its error; the others keep theirs until the form is sent again.
        form.Find("input[data-testid=receive-reference]").Change("BN-0001");
        form.WaitForAssertion(() => Assert.DoesNotContain("Tối đa 100 ký tự.", FieldText(form, "receive-reference"), StringComparison.Ordinal));
        Assert.Contains("Không được để trống.", FieldText(form, "receive-procedure"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_dossier_is_handed_on()
    {
        var registered = FakeDossiersApi.Dossier("received", "start");
        Api.NextWrite = () => Task.FromResult(registered);
        Dossier? received = null;
        var form = Render<ReceiveDossierForm>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Received, (Dossier d) => received = d));

        form.Find("input[data-testid=receive-reference]").Change("BN-0001");
        form.Find("button[data-testid=receive-submit]").Click();

        form.WaitForAssertion(() => Assert.Same(registered, received));
        Assert.Equal(["register  BN-0001"], Api.Calls);
        Assert.Empty(form.FindAll("[data-testid=receive-problem]"));
    }

    private static string FieldText(IRenderedComponent<ReceiveDossierForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;
}
