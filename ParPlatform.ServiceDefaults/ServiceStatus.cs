using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using ParPlatform.SharedKernel;

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

    /// <summary>
    /// Maps GET {group}/status. When the group's route has a {unitCode}, a malformed code is a
    /// 400 ProblemDetails naming the field.
    /// </summary>
    public static RouteHandlerBuilder MapServiceStatus<TContext>(this IEndpointRouteBuilder group, string serviceName)
        where TContext : DbContext
    {
        var handler = (HttpContext http, TContext db, CancellationToken ct) => GetStatusAsync(serviceName, http, db, ct);
        return group.MapGet("/status", handler).WithName($"{serviceName}-status");
    }

    private static async Task<Results<Ok<ServiceStatusResponse>, ValidationProblem>> GetStatusAsync(
        string serviceName, HttpContext http, DbContext db, CancellationToken ct)
    {
        var unitCode = http.GetRouteValue("unitCode") as string;
        if (unitCode is not null && !UnitCode.TryParse(unitCode, out _))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["unitCode"] = [UnitCode.FormatError] },
                title: "Mã đơn vị không hợp lệ.");
        }
        // One read of the history table; the migrations the service knows are compiled in.
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = db.Database.GetMigrations().Except(applied).Count();
        return TypedResults.Ok(new ServiceStatusResponse(
            serviceName, Version, unitCode, db.Database.GetDbConnection().Database, applied.LastOrDefault(), applied.Count, pending));
    }
}
