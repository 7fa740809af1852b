using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Identity.Tokens;

namespace ParPlatform.Identity.Apis;

/// <summary>
/// The sign-in page of the authorization code flow (/account/login): a form in Vietnamese,
/// protected against cross-site posting, that signs the person in with a cookie of this service
/// and goes back to the (local) authorization request it came from.
/// </summary>
public static class AccountApi
{
    public const string LoginPath = "/account/login";

    private const string LoginRoute = "/login";

    /// <summary>Escapes markup but keeps Vietnamese letters readable in the page source.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>/account (<see cref="IdentityApi.MapIdentityApi"/>): <see cref="LoginPath"/>.</summary>
    public static void MapAccount(this RouteGroupBuilder account)
    {
        account.MapGet(LoginRoute, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, LocalOrRoot(returnUrl), userName: "", error: null))
            .WithName("ShowSignInPage").WithSummary("The sign-in page (HTML) of the web UI's authorization code flow");
        account.MapPost(LoginRoute, SignInAsync) // antiforgery validated in SignInAsync, with a readable page on failure
            .WithName("SignIn").WithSummary("Signs a person in from the sign-in page's form and goes back to the authorization request");
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> SignInAsync(HttpContext http, IAntiforgery antiforgery, PasswordSignIn passwords, CancellationToken ct)
    {
        // Not a form, or one that cannot be read (a broken multipart body, too many fields): the page again, with a 400.
        const string Unreadable = "Biểu mẫu đăng nhập không đọc được; vui lòng thử lại.";
        if (!http.Request.HasFormContentType)
            return Page(http, antiforgery, "/", "", Unreadable, StatusCodes.Status400BadRequest);
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Page(http, antiforgery, "/", "", Unreadable, StatusCodes.Status400BadRequest);
        }
        var returnUrl = LocalOrRoot(form["returnUrl"]);
        var userName = form["userName"].ToString();
        if (!await antiforgery.IsRequestValidAsync(http))
            return Page(http, antiforgery, returnUrl, userName, "Phiên đăng nhập đã hết hạn; vui lòng thử lại.", StatusCodes.Status400BadRequest);

        var (check, user) = await passwords.CheckAsync(userName, form["password"], ClientAddress.Of(http), ct);
        if (check != PasswordCheck.Success)
            return Page(http, antiforgery, returnUrl, userName, PasswordSignIn.Reason(check), StatusCodes.Status401Unauthorized);

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user!.Id.ToString()), new Claim(ClaimTypes.Name, user.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(returnUrl);
    }

    /// <summary>Only a path of this site: never an open redirect to somewhere else.</summary>
    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) &&
        !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/";

    private static ContentHttpResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, string userName, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var errorHtml = error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.Encode(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Đăng nhập – ParPlatform</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f6f8; display: flex; justify-content: center; padding-top: 10vh; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: 22rem; }
              label { display: block; margin-top: 1rem; } input { width: 100%; padding: .5rem; box-sizing: border-box; }
              button { margin-top: 1.5rem; width: 100%; padding: .6rem; } .error { color: #b00020; }
            </style></head>
            <body><form method="post" action="{{LoginPath}}">
              <h1>Đăng nhập</h1><p>Hệ thống quản lý cải cách hành chính ParPlatform</p>
              {{errorHtml}}
              <input type="hidden" name="{{tokens.FormFieldName}}" value="{{Html.Encode(tokens.RequestToken ?? "")}}">
              <input type="hidden" name="returnUrl" value="{{Html.Encode(returnUrl)}}">
              <label for="userName">Tên đăng nhập</label>
              <input id="userName" name="userName" autocomplete="username" required value="{{Html.Encode(userName)}}">
              <label for="password">Mật khẩu</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Đăng nhập</button>
            </form></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
