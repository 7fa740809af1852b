using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Messaging.Audit;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;

namespace ParPlatform.Identity.Apis;

public sealed record AgencyResponse(Guid Id, string Code, string Name, AgencyKind Kind, string UnitCode)
{
    public static AgencyResponse From(Agency agency) => new(agency.Id, agency.Code, agency.Name, agency.Kind, agency.UnitCode);
}

/// <summary>
/// The registry as a tenant sees it. Each query names its unit or province; the request's tenant
/// scope (row-level security) would hold it there even if it did not.
/// </summary>
public static class TenantApi
{
    /// <summary>
    /// /api/v1/units/{unitCode}/agencies (<see cref="IdentityApi.MapIdentityApi"/>): read by whoever may read the unit; kept by
    /// its officers and chairman (each change recorded in the audit log and published as AgencyRegistered / AgencyUpdated). The
    /// same routes under /api/v1/admin/units/{unitCode}/agencies are the platform administrators' (<paramref name="namePrefix"/> "Admin").
    /// </summary>
    public static void MapAgencies(this RouteGroupBuilder agencies, string namePrefix = "")
    {
        agencies.MapGet("", ListAgenciesAsync).WithName(namePrefix + "ListAgencies").WithSummary("The unit's agencies and other bodies, by code");
        agencies.MapPost("", RegisterAgencyAsync).WithName(namePrefix + "RegisterAgency")
            .WithSummary("Adds an agency or another body to the unit (published as AgencyRegistered)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        agencies.MapPut("/{code}", UpdateAgencyAsync).WithName(namePrefix + "UpdateAgency")
            .WithSummary("Renames a body of the unit or changes its kind (published as AgencyUpdated)");
    }

    /// <summary>/api/v1/provinces/{provinceCode}/units (<see cref="IdentityApi.MapIdentityApi"/>): for the province's reviewers and integrators.</summary>
    public static void MapProvinceUnits(this RouteGroupBuilder units) =>
        units.MapGet("", async (string provinceCode, IdentityDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Units.Where(u => u.ProvinceCode == provinceCode).OrderBy(u => u.UnitCode).Select(u => UnitResponse.From(u)).ToListAsync(ct)))
            .WithName("ListProvinceUnits").WithSummary("The province's units, by code");

    /// <summary>A malformed unit code is a 400 (on a unit's route the access rule answers it first; an administrator's route names the field).</summary>
    private static async Task<Results<Ok<List<AgencyResponse>>, ValidationProblem>> ListAgenciesAsync(string unitCode, IdentityDbContext db, CancellationToken ct)
    {
        if (!UnitCode.TryParse(unitCode, out _))
            return ApiProblems.Invalid(new FieldErrors().Add("unitCode", UnitCode.FormatError));
        return TypedResults.Ok(await db.Agencies.AsNoTracking().Where(a => a.UnitCode == unitCode).OrderBy(a => a.Code).Select(a => AgencyResponse.From(a)).ToListAsync(ct));
    }

    private static async Task<Results<Created<AgencyResponse>, ValidationProblem, ProblemHttpResult>> RegisterAgencyAsync(
        string unitCode, RegisterAgency request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.UnitCode == unitCode, ct);
        if (unit is null)
            return ApiProblems.NotFound($"Không có đơn vị mã {unitCode}.");
        if (await db.Agencies.AnyAsync(a => a.UnitCode == unitCode && a.Code == request.Code, ct))
            return ApiProblems.Conflict($"Đơn vị {unitCode} đã có cơ quan mã {request.Code}.");
        var agency = Agency.Register(unit, request.Code!, request.Name!.Trim(), request.KindOrAdministrative(), clock.GetUtcNow());
        db.Agencies.Add(agency);
        audit.Record(caller, "agency.registered", $"{agency.UnitCode}/{agency.Code}", before: null, Audited(agency), agency.UnitCode, agency.ProvinceCode);
        return await db.TrySaveNewAsync(ct)
            ? TypedResults.Created($"/api/v1/units/{unitCode}/agencies/{agency.Code}", AgencyResponse.From(agency))
            : ApiProblems.Conflict($"Đơn vị {unitCode} đã có cơ quan mã {request.Code}.");
    }

    private static async Task<Results<Ok<AgencyResponse>, ValidationProblem, ProblemHttpResult>> UpdateAgencyAsync(
        string unitCode, string code, UpdateAgency request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.UnitCode == unitCode && a.Code == code, ct);
        if (agency is null)
            return ApiProblems.NotFound($"Đơn vị {unitCode} không có cơ quan mã {code}.");
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var before = Audited(agency);
        agency.Change(request.Name!.Trim(), EnumNames.Parse<AgencyKind>(request.Kind)!.Value, clock.GetUtcNow());
        audit.Record(caller, "agency.updated", $"{agency.UnitCode}/{agency.Code}", before, Audited(agency), agency.UnitCode, agency.ProvinceCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgencyResponse.From(agency));
    }

    private static object Audited(Agency agency) => new { agency.Name, Kind = EnumNames.Name(agency.Kind) };
}
