using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using ParPlatform.Identity.Tokens;

namespace ParPlatform.Identity.Tests;

/// <summary>Tokens: what they carry, how they are refused, lockout, and the web UI's sign-in with PKCE.</summary>
[Collection(SharedIdentity.Name)]
public sealed class TokenTests(IdentityFixture identity)
{
    private static readonly string[] TwoUnits = ["06181", "06112"];

    [Fact]
    public async Task An_officers_token_names_the_unit_province_agency_and_role_for_the_platform_api()
    {
        using var client = identity.Client();

        var token = Jwt.Payload(await IdentityFixture.PasswordTokenAsync(client, "tamthanh.canbo", IdentityFixture.DemoPassword));

        Assert.Equal(IdentityFixture.Issuer, token.GetProperty("iss").GetString());
        Assert.Equal("parplatform-api", token.GetProperty("aud").GetString());
        Assert.Equal("unit-officer", token.GetProperty("role").GetString());
        Assert.Equal("06112", token.GetProperty("unit").GetString());
        Assert.Equal("20", token.GetProperty("province").GetString());
        Assert.Equal("van-hoa-xa-hoi", token.GetProperty("agency").GetString());
        Assert.Equal(300, token.GetProperty("exp").GetInt64() - token.GetProperty("iat").GetInt64()); // the longest a disabled account keeps access
    }

    [Fact]
    public async Task A_reviewers_token_names_the_province_and_no_unit()
    {
        using var client = identity.Client();

        var token = Jwt.Payload(await IdentityFixture.PasswordTokenAsync(client, "langson.sonoivu", IdentityFixture.DemoPassword));

        Assert.Equal("province-reviewer", token.GetProperty("role").GetString());
        Assert.Equal("20", token.GetProperty("province").GetString());
        Assert.False(token.TryGetProperty("unit", out _));
    }

    [Fact]
    public async Task The_signing_keys_are_published_and_the_private_half_is_not()
    {
        using var client = identity.Client();

        var keys = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal(Convert.ToBase64String(identity.SigningKey.ExportParameters(false).Modulus!).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            key.GetProperty("n").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("garbage")]
    public async Task A_bad_token_is_a_401(string kind)
    {
        var now = DateTime.UtcNow;
        using var forger = RSA.Create(2048);
        var token = kind switch
        {
            "expired" => Jwt.Mint(identity.SigningKey, IdentityFixture.Issuer, "parplatform-api", now.AddHours(-2), now.AddMinutes(-5)),
            "forged" => Jwt.Mint(forger, IdentityFixture.Issuer, "parplatform-api", now, now.AddHours(1)),
            "wrong-audience" => Jwt.Mint(identity.SigningKey, IdentityFixture.Issuer, "another-api", now, now.AddHours(1)),
            "wrong-issuer" => Jwt.Mint(identity.SigningKey, "http://elsewhere.test/", "parplatform-api", now, now.AddHours(1)),
            _ => "not.a.token",
        };
        // The same key, audience and issuer with a valid lifetime is accepted: what differs is what is refused.
        var good = Jwt.Mint(identity.SigningKey, IdentityFixture.Issuer, "parplatform-api", now, now.AddHours(1));
        using var client = identity.Client();

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(client, good));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(client, token));
    }

    [Fact]
    public async Task A_token_not_asked_for_the_api_scope_does_not_open_the_api()
    {
        using var client = identity.Client();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "parplatform-scripts", ["username"] = "admin", ["password"] = IdentityFixture.DemoPassword,
        }));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        Assert.False(Jwt.Payload(token).TryGetProperty("aud", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(client, token));
    }

    [Fact]
    public async Task A_signed_token_that_is_not_an_access_token_is_a_401()
    {
        var now = DateTime.UtcNow;
        using var client = identity.Client();

        var identityToken = Jwt.Mint(identity.SigningKey, IdentityFixture.Issuer, "parplatform-api", now, now.AddHours(1), tokenType: "JWT");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(client, identityToken));
    }

    [Fact]
    public async Task No_token_is_a_401_with_a_bearer_challenge()
    {
        using var client = identity.Client();

        using var response = await client.GetAsync(new Uri("/api/v1/admin/units", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_an_administrator_unlocks_it()
    {
        using var admin = await identity.SignedInAsync("admin");
        var userName = $"khoa{Random.Shared.Next(100000, 999999)}";
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName, displayName = "Cán bộ thử khóa", role = "unit-officer", password = "MatKhau12345", unitCode = "06181", agencyCode = "van-phong",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = identity.Client();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await IdentityFixture.RequestPasswordTokenAsync(client, userName, "sai-mat-khau-1");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        Assert.False(await IsLockedAsync(admin, userName));
        using (var fifth = await IdentityFixture.RequestPasswordTokenAsync(client, userName, "sai-mat-khau-1"))
            Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.True(await IsLockedAsync(admin, userName));

        // Locked: the right password is refused too, with the same words as a wrong one (nothing to learn from them).
        using (var right = await IdentityFixture.RequestPasswordTokenAsync(client, userName, "MatKhau12345"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
            var refusal = await right.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
            Assert.Equal(Tokens.PasswordSignIn.Refused, refusal.GetProperty("error_description").GetString());
        }

        using var unlocked = await admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/unlock", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.NotEmpty(await IdentityFixture.PasswordTokenAsync(client, userName, "MatKhau12345"));
    }

    [Fact]
    public async Task A_lockout_shuts_out_the_address_that_guessed_not_the_person_elsewhere()
    {
        using var admin = await identity.SignedInAsync("admin");
        var userName = $"quantri{Random.Shared.Next(100000, 999999)}";
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName, displayName = "Quản trị thử khóa", role = "platform-admin", password = "MatKhau12345",
        }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = identity.Client();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await PasswordTokenFromAsync(client, "203.0.113.7", userName, "sai-mat-khau-1");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var fromTheGuesser = await PasswordTokenFromAsync(client, "203.0.113.7", userName, "MatKhau12345");
        using var fromElsewhere = await PasswordTokenFromAsync(client, "198.51.100.2", userName, "MatKhau12345");
        // A client that writes its own X-Forwarded-For before the gateway's is still the address the gateway saw.
        using var spoofed = await PasswordTokenFromAsync(client, "198.51.100.2, 203.0.113.7", userName, "MatKhau12345");

        Assert.Equal(HttpStatusCode.BadRequest, fromTheGuesser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, spoofed.StatusCode);
        Assert.True(await IsLockedAsync(admin, userName, unitCode: null));
    }

    /// <summary>A password grant as the gateway forwards it for a client at <paramref name="forwardedFor"/>.</summary>
    private static async Task<HttpResponseMessage> PasswordTokenFromAsync(HttpClient client, string forwardedFor, string userName, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/connect/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "parplatform-scripts", ["username"] = userName, ["password"] = password, ["scope"] = "api",
            }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_are_counted_one_by_one()
    {
        using var admin = await identity.SignedInAsync("admin");
        var userName = $"song{Random.Shared.Next(100000, 999999)}";
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName, displayName = "Cán bộ thử song song", role = "unit-officer", password = "MatKhau12345", unitCode = "06181", agencyCode = "van-phong",
        }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Five guesses at once: had they all read "no failures yet", none would lock the account.
        var guesses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = identity.Client();
            using var response = await IdentityFixture.RequestPasswordTokenAsync(client, userName, "doan-sai-123");
            return response.StatusCode;
        }));

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.True(await IsLockedAsync(admin, userName));
    }

    [Fact]
    public async Task An_integrator_registered_for_units_gets_a_read_only_token_for_exactly_those_units()
    {
        using var admin = await identity.SignedInAsync("admin");
        var clientId = $"tich-hop-{Random.Shared.Next(100000, 999999)}";

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/integrators", new { clientId, displayName = "Cổng dịch vụ công", unitCodes = TwoUnits });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var client = identity.Client();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var token = Jwt.Payload((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal("integrator", token.GetProperty("role").GetString());
        Assert.Equal(["06112", "06181"], token.GetProperty("unit").EnumerateArray().Select(u => u.GetString()).Order());
        Assert.False(token.TryGetProperty("province", out _));

        using var wrongSecret = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret + "x",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    [Fact]
    public async Task The_web_ui_signs_in_with_the_authorization_code_and_pkce()
    {
        using var client = identity.Client();
        var verifier = IdentityFixture.Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = IdentityFixture.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string Redirect = "http://localhost:5173/auth/callback";
        var authorize = $"/connect/authorize?client_id=parplatform-web&response_type=code&scope=openid%20api" +
            $"&redirect_uri={Uri.EscapeDataString(Redirect)}&code_challenge={challenge}&code_challenge_method=S256&state=st123";

        // Not signed in: to the sign-in page, which keeps the request to come back to.
        using var first = await client.GetAsync(new Uri(authorize, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login", first.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await client.GetStringAsync(first.Headers.Location);
        Assert.Contains("Đăng nhập", page, StringComparison.Ordinal);

        // A wrong password shows the page again with the reason; the right one signs in.
        using var wrong = await client.PostAsync(new Uri("/account/login", UriKind.Relative), IdentityFixture.LoginForm(page, "tamthanh.chutich", "sai-mat-khau-9"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), IdentityFixture.LoginForm(page, "tamthanh.chutich", IdentityFixture.DemoPassword));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var back = await client.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(Redirect, callback.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal("st123", query["state"]);

        // A code is worth nothing without its verifier.
        using var withoutVerifier = await IdentityFixture.ExchangeCodeAsync(client, query["code"]!, Redirect, IdentityFixture.Base64Url(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(HttpStatusCode.BadRequest, withoutVerifier.StatusCode);

        // Signed in now: the authorization request answers with a code at once, and the verifier redeems it.
        using var again = await client.GetAsync(new Uri(authorize, UriKind.Relative));
        Assert.StartsWith(Redirect, again.Headers.Location!.ToString(), StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(again.Headers.Location.Query)["code"]!;
        using var exchanged = await IdentityFixture.ExchangeCodeAsync(client, code, Redirect, verifier);
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var token = Jwt.Payload((await exchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal("unit-chairman", token.GetProperty("role").GetString());
        Assert.Equal("06112", token.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_forms_antiforgery_token_is_refused_even_with_the_right_password()
    {
        using var client = identity.Client();

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/", ["userName"] = "tamthanh.chutich", ["password"] = IdentityFixture.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("parplatform.signin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_page_only_returns_to_addresses_of_this_site()
    {
        using var client = identity.Client();

        var page = await client.GetStringAsync(new Uri("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative));

        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_tried_too_often_in_a_minute_is_refused_with_its_own_reason_before_any_check()
    {
        using var client = identity.Client();
        var answers = new List<string?>();
        for (var i = 0; i < SignInAttempts.PerMinute + 1; i++)
        {
            using var response = await IdentityFixture.RequestPasswordTokenAsync(client, "doan.ten", "doan-mat-khau-" + i);
            answers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_description").GetString());
        }

        Assert.All(answers.Take(SignInAttempts.PerMinute), a => Assert.Equal(PasswordSignIn.Refused, a));
        Assert.Equal(PasswordSignIn.TooOften, answers[^1]);
    }

    [Fact]
    public async Task Outside_development_the_password_grant_does_not_exist()
    {
        await using var production = identity.Create("Production", "identityproductiondb");
        using var client = production.CreateClient();

        using var response = await IdentityFixture.RequestPasswordTokenAsync(client, "admin", IdentityFixture.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Equal("unsupported_grant_type", error);
    }

    private static async Task<bool> IsLockedAsync(HttpClient admin, string userName, string? unitCode = "06181")
    {
        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?pageSize=200{(unitCode is null ? "" : "&unitCode=" + unitCode)}");
        return users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("locked").GetBoolean();
    }

    private static async Task<HttpStatusCode> StatusWithAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/admin/provinces", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
