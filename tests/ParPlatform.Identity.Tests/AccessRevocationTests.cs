using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// Taking access away: an administrator disables an account (no sign-in, its refresh tokens refused at once; an access
/// token it has ends within its 5 minutes) and enables it again; revokes an integrator client (no token from then on);
/// signing out ends the session; a person changes their own password.
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class AccessRevocationTests(IdentityFixture identity)
{
    private const string Redirect = "http://localhost:5173/auth/callback";

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_nor_refresh_and_can_again_once_enabled()
    {
        using var admin = await identity.SignedInAsync("admin");
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/admin/users", UriKind.Relative), new
        {
            userName = "chilang.nghiviec", displayName = "Cán bộ nghỉ việc", role = "unit-officer", password = "Nghi-Viec-2026",
            unitCode = "06181", agencyCode = "van-phong",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var refreshToken = await RefreshTokenAsync("chilang.nghiviec", "Nghi-Viec-2026");
        using (var client = identity.Client())
        using (var refreshedBefore = await RefreshAsync(client, refreshToken.Token))
        {
            Assert.Equal(HttpStatusCode.OK, refreshedBefore.StatusCode);
            refreshToken = (refreshToken.Client, (await refreshedBefore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!);
        }

        using var disabled = await admin.PostAsync(new Uri("/api/v1/admin/users/chilang.nghiviec/disable", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        using (var client = identity.Client())
        using (var refreshed = await RefreshAsync(client, refreshToken.Token))
            Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        using (var client = identity.Client())
        using (var password = await IdentityFixture.RequestPasswordTokenAsync(client, "chilang.nghiviec", "Nghi-Viec-2026"))
            Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        using (var page = await IdentityFixture.SignInOnPageAsync(identity.Client(), "chilang.nghiviec", "Nghi-Viec-2026"))
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        // The session of the sign-in page is no longer honoured either.
        using (var authorize = await refreshToken.Client.GetAsync(new Uri(AuthorizeUrl(Challenge(Verifier)), UriKind.Relative)))
        {
            // Back to the web UI with access_denied, and no code.
            var back = authorize.Headers.Location?.ToString() ?? "";
            Assert.True(back.StartsWith(Redirect, StringComparison.Ordinal) && back.Contains("error=access_denied", StringComparison.Ordinal), back);
            Assert.DoesNotContain("code=", back, StringComparison.Ordinal);
        }

        using var enabled = await admin.PostAsync(new Uri("/api/v1/admin/users/chilang.nghiviec/enable", UriKind.Relative), null);
        Assert.False((await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        using var again = identity.Client();
        Assert.False(string.IsNullOrEmpty(await IdentityFixture.PasswordTokenAsync(again, "chilang.nghiviec", "Nghi-Viec-2026")));
        using var unknown = await admin.PostAsync(new Uri("/api/v1/admin/users/khong-co-ai/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_revoked_integrator_gets_no_token_and_its_secret_cannot_be_rotated_back()
    {
        using var admin = await identity.SignedInAsync("admin");
        var secret = await IdentityFixture.RegisterIntegratorAsync(admin, "chilang-thu-hoi");
        using var client = identity.Client();
        using (var before = await IdentityFixture.ClientCredentialsAsync(client, "chilang-thu-hoi", secret))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoked = await admin.PostAsync(new Uri("/api/v1/admin/integrators/chilang-thu-hoi/revoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using (var after = await IdentityFixture.ClientCredentialsAsync(client, "chilang-thu-hoi", secret))
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var rotate = await admin.PostAsync(new Uri("/api/v1/admin/integrators/chilang-thu-hoi/secret", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_refresh_tokens_and_returns_to_the_web_ui()
    {
        var (browser, refreshToken) = await RefreshTokenAsync("tamthanh.chutich", IdentityFixture.DemoPassword);
        const string SignedOut = "http://localhost:5173/auth/signed-out";

        using var endSession = await browser.GetAsync(new Uri(
            $"/connect/endsession?client_id=parplatform-web&post_logout_redirect_uri={Uri.EscapeDataString(SignedOut)}&state=bye", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        Assert.StartsWith(SignedOut, endSession.Headers.Location!.ToString(), StringComparison.Ordinal);
        using (var client = identity.Client())
        using (var refreshed = await RefreshAsync(client, refreshToken))
            Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        // The browser is signed out: asking for a code goes to the sign-in page again.
        using var authorize = await browser.GetAsync(new Uri(AuthorizeUrl(Challenge(Verifier)), UriKind.Relative));
        Assert.StartsWith("/account/login", authorize.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // Another address to return to is refused.
        using var elsewhere = await browser.GetAsync(new Uri(
            $"/connect/endsession?client_id=parplatform-web&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_person_changes_their_own_password_given_the_current_one()
    {
        using var admin = await identity.SignedInAsync("admin");
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/admin/users", UriKind.Relative), new
        {
            userName = "langson.doimatkhau", displayName = "Chuyên viên Sở Nội vụ", role = "province-reviewer", password = "Cu-Mat-Khau-1",
            provinceCode = "20",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var person = identity.Client();
        person.DefaultRequestHeaders.Authorization = new("Bearer", await IdentityFixture.PasswordTokenAsync(person, "langson.doimatkhau", "Cu-Mat-Khau-1"));
        var own = await person.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/account", UriKind.Relative));
        Assert.Equal(("langson.doimatkhau", "20"), (own.GetProperty("userName").GetString(), own.GetProperty("provinceCode").GetString()));

        using var wrongCurrent = await person.PutAsJsonAsync(new Uri("/api/v1/account/password", UriKind.Relative),
            new { currentPassword = "Sai-Mat-Khau-1", newPassword = "Moi-Mat-Khau-2" });
        using var weakNew = await person.PutAsJsonAsync(new Uri("/api/v1/account/password", UriKind.Relative),
            new { currentPassword = "Cu-Mat-Khau-1", newPassword = "ngan" });
        using var changed = await person.PutAsJsonAsync(new Uri("/api/v1/account/password", UriKind.Relative),
            new { currentPassword = "Cu-Mat-Khau-1", newPassword = "Moi-Mat-Khau-2" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.True((await wrongCurrent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.BadRequest, weakNew.StatusCode);
        Assert.True((await weakNew.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        using var client = identity.Client();
        using (var old = await IdentityFixture.RequestPasswordTokenAsync(client, "langson.doimatkhau", "Cu-Mat-Khau-1"))
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.False(string.IsNullOrEmpty(await IdentityFixture.PasswordTokenAsync(client, "langson.doimatkhau", "Moi-Mat-Khau-2")));
    }

    private static readonly string Verifier = IdentityFixture.Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Signs in on the page and redeems a code asked for with offline_access: the client (with its session) and the refresh token.</summary>
    private async Task<(HttpClient Client, string Token)> RefreshTokenAsync(string userName, string password)
    {
        var client = identity.Client();
        using (var signIn = await IdentityFixture.SignInOnPageAsync(client, userName, password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var authorize = await client.GetAsync(new Uri(AuthorizeUrl(Challenge(Verifier)), UriKind.Relative));
        var code = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query)["code"]!;
        using var exchanged = await IdentityFixture.ExchangeCodeAsync(client, code, Redirect, Verifier);
        var body = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(exchanged.StatusCode == HttpStatusCode.OK, body.ToString());
        return (client, body.GetProperty("refresh_token").GetString()!);
    }

    private static string AuthorizeUrl(string challenge) =>
        $"/connect/authorize?client_id=parplatform-web&response_type=code&scope=openid%20offline_access%20api" +
        $"&redirect_uri={Uri.EscapeDataString(Redirect)}&code_challenge={challenge}&code_challenge_method=S256&state=st";

    private static string Challenge(string verifier) => IdentityFixture.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "parplatform-web", ["refresh_token"] = refreshToken,
        }));
}
