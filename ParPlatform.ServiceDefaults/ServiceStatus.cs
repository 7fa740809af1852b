using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ParPlatform.ServiceDefaults;

/// <summary>What GET …/status answers: the service, its version and its database's migration level.</summary>
public sealed record ServiceStatusResponse(
    string Service,
    string Version,
    string? UnitCode,
    string Database,
    string? Migration,
    int AppliedMigrations,
    int PendingMigrations);

public static class ServiceStatus
{
    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Maps GET {group}/status (the tenant access check has validated the route's code).</summary>
    public static RouteHandlerBuilder MapServiceStatus<TContext>(this IEndpointRouteBuilder group, string serviceName)
        where TContext : DbContext
    {
        var handler = (HttpContext http, TContext db, CancellationToken ct) => GetStatusAsync(serviceName, http, db, ct);
        return group.MapGet("/status", handler);
    }

    private static async Task<Ok<ServiceStatusResponse>> GetStatusAsync(
        string serviceName, HttpContext http, DbContext db, CancellationToken ct)
    {
        var unitCode = http.GetRouteValue("unitCode") as string;
        // One read of the history table; the migrations the service knows are compiled in.
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = db.Database.GetMigrations().Except(applied).Count();
        return TypedResults.Ok(new ServiceStatusResponse(
            serviceName, Version, unitCode, db.Database.GetDbConnection().Database, applied.LastOrDefault(), applied.Count, pending));
    }
}
