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
    private const string NotFoundDetail = "Không có tài nguyên này, hoặc tài khoản không được phép xem.";
    private const string ForbiddenDetail = "Vai trò của tài khoản không cho phép thao tác này.";

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
            await ApiProblems.Invalid(
                new FieldErrors().Add(route.CodeField, route.CodeError),
                title: route.Kind == TenantRouteKind.Province ? "Mã tỉnh không hợp lệ." : "Mã đơn vị không hợp lệ.").ExecuteAsync(context);
            return;
        }
        var caller = Caller.From(context.User);
        if (caller is null)
        {
            await ApiProblems.Forbidden(ForbiddenDetail).ExecuteAsync(context);
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
                await ApiProblems.NotFound(NotFoundDetail).ExecuteAsync(context);
                return;
            case AccessDecision.Forbidden:
                await ApiProblems.Forbidden(ForbiddenDetail).ExecuteAsync(context);
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
