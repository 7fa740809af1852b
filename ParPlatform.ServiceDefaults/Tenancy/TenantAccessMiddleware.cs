using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>
/// Checks every /api/ request against <see cref="TenantAccess"/> before any endpoint runs: no or
/// an invalid token → 401; a malformed unit or province code → 400 naming the field; then 404 or
/// 403 as the rule says. An allowed request gets its <see cref="TenantScope"/> (the route's
/// unit or province; every tenant on admin routes). Paths outside /api/ pass untouched.
/// </summary>
internal sealed class TenantAccessMiddleware(RequestDelegate next, bool deferUnitProvince)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = TenantRoute.Parse(context.Request.Path);
        if (route is null)
        {
            await next(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }
        if (route.CodeError is not null)
        {
            await TypedResultsProblem.Validation(route.CodeField, route.CodeError).ExecuteAsync(context);
            return;
        }
        var caller = Caller.From(context.User);
        if (caller is null)
        {
            await TypedResultsProblem.Forbidden().ExecuteAsync(context);
            return;
        }

        var write = TenantAccess.IsWrite(context.Request.Method);
        AccessDecision decision;
        if (TenantAccess.NeedsUnitProvince(caller, route))
        {
            if (deferUnitProvince)
            {
                // The gateway has no unit registry: the owning service decides (it always does).
                await next(context);
                return;
            }
            var directory = context.RequestServices.GetRequiredService<IUnitDirectory>();
            var province = await directory.FindProvinceAsync(route.Code!, context.RequestAborted);
            decision = TenantAccess.Decide(caller, route, write, province);
        }
        else
        {
            decision = TenantAccess.Decide(caller, route, write, unitProvince: null);
        }

        switch (decision)
        {
            case AccessDecision.NotFound:
                await TypedResultsProblem.NotFound().ExecuteAsync(context);
                return;
            case AccessDecision.Forbidden:
                await TypedResultsProblem.Forbidden().ExecuteAsync(context);
                return;
        }
        var scope = context.RequestServices.GetRequiredService<TenantScope>();
        switch (route.Kind)
        {
            case TenantRouteKind.Unit:
                scope.SetUnit(route.Code!);
                break;
            case TenantRouteKind.Province:
                scope.SetProvince(route.Code!);
                break;
            default:
                scope.SetAllTenants();
                break;
        }
        await next(context);
    }
}

/// <summary>The ProblemDetails the access check answers with (Vietnamese titles: a person reads them).</summary>
internal static class TypedResultsProblem
{
    public static IResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.",
        detail: "Không có tài nguyên này, hoặc tài khoản không được phép xem.");

    public static IResult Forbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền thực hiện thao tác này.",
        detail: "Vai trò của tài khoản không cho phép thao tác này.");

    public static IResult Validation(string field, string error) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [error] },
        title: field == "provinceCode" ? "Mã tỉnh không hợp lệ." : "Mã đơn vị không hợp lệ.");
}

public static class TenantAccessExtensions
{
    /// <summary>
    /// The tenant access rule on every /api/ route (after authentication, which
    /// MapDefaultEndpoints adds). In a service the rule is decided in full; the gateway
    /// (<paramref name="deferUnitProvince"/>) leaves to the service what needs the unit registry
    /// (whether a unit is in a reviewer's province).
    /// </summary>
    public static IApplicationBuilder UseTenantAccess(this IApplicationBuilder app, bool deferUnitProvince = false) =>
        app.UseMiddleware<TenantAccessMiddleware>(deferUnitProvince);
}
