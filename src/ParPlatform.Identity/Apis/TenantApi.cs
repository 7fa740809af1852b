using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Messaging.Audit;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity.Apis;

public sealed record AgencyResponse(Guid Id, string Code, string Name, string UnitCode);

/// <summary>
/// The registry as a tenant sees it. Each query names its unit or province; the request's tenant
/// scope (row-level security) would hold it there even if it did not.
/// </summary>
public static class TenantApi
{
    /// <summary>
    /// /api/v1/units/{unitCode}/agencies (<see cref="IdentityApi.MapIdentityApi"/>): read by whoever may read the unit; kept by
    /// its officers and chairman (each new agency recorded in the audit log).
    /// </summary>
    public static void MapAgencies(this RouteGroupBuilder agencies)
    {
        agencies.MapGet("", async (string unitCode, IdentityDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Agencies.Where(a => a.UnitCode == unitCode).OrderBy(a => a.Code).Select(a => new AgencyResponse(a.Id, a.Code, a.Name, a.UnitCode)).ToListAsync(ct)))
            .WithName("ListAgencies").WithSummary("The unit's agencies, by code");
        agencies.MapPost("", RegisterAgencyAsync).WithName("RegisterAgency").WithSummary("Adds an agency to the unit")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>/api/v1/provinces/{provinceCode}/units (<see cref="IdentityApi.MapIdentityApi"/>): for the province's reviewers and integrators.</summary>
    public static void MapProvinceUnits(this RouteGroupBuilder units) =>
        units.MapGet("", async (string provinceCode, IdentityDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Units.Where(u => u.ProvinceCode == provinceCode).OrderBy(u => u.UnitCode).Select(u => UnitResponse.From(u)).ToListAsync(ct)))
            .WithName("ListProvinceUnits").WithSummary("The province's units, by code");

    private static async Task<Results<Created<AgencyResponse>, ValidationProblem, ProblemHttpResult>> RegisterAgencyAsync(
        string unitCode, RegisterAgency request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.UnitCode == unitCode, ct);
        if (unit is null)
            return ApiProblems.NotFound($"Không có đơn vị mã {unitCode}.");
        if (await db.Agencies.AnyAsync(a => a.UnitCode == unitCode && a.Code == request.Code, ct))
            return ApiProblems.Conflict($"Đơn vị {unitCode} đã có cơ quan mã {request.Code}.");
        var agency = new Agency { UnitCode = unit.UnitCode, ProvinceCode = unit.ProvinceCode, Code = request.Code!, Name = request.Name!.Trim() };
        db.Agencies.Add(agency);
        audit.Record(caller, "agency.registered", $"{agency.UnitCode}/{agency.Code}", before: null, new { agency.Name }, agency.UnitCode, agency.ProvinceCode);
        return await db.TrySaveNewAsync(ct)
            ? TypedResults.Created($"/api/v1/units/{unitCode}/agencies", new AgencyResponse(agency.Id, agency.Code, agency.Name, agency.UnitCode))
            : ApiProblems.Conflict($"Đơn vị {unitCode} đã có cơ quan mã {request.Code}.");
    }
}
