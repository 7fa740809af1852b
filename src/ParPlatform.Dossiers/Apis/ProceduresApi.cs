using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Apis;

public sealed record ProcedureResponse(
    string Code, string Name, string Field, decimal TimeLimit, string TimeLimitUnit, long Fee, string OnlineLevel, bool InterLevel, bool Active,
    DateTimeOffset UpdatedAt)
{
    public static ProcedureResponse From(Procedure p) => new(
        p.Code, p.Name, p.Field, p.TimeLimitAmount, EnumNames.Name(p.TimeLimitUnit), p.Fee, EnumNames.Name(p.OnlineLevel),
        p.InterLevel, p.Active, p.UpdatedAt);
}

public sealed record ImportResult(int Created, int Updated);

/// <summary>
/// A unit's procedure catalogue: list (paged; by field, active, text), read, create, change, and
/// import a whole file (CSV, Excel workbook or JSON array) all-or-nothing, creating or updating by code. Each change is saved
/// with the catalogue's counts (<see cref="ProcedureCatalogue"/>, published as ProcedureCatalogueChanged).
/// </summary>
public static class ProceduresApi
{
    /// <summary>Largest import body: a catalogue of a few thousand procedures fits many times over.</summary>
    public const int MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>Most rows of an import: a unit's catalogue has a few hundred procedures.</summary>
    public const int MaxImportRows = 10_000;

    /// <summary>…/dossiers/procedures (<see cref="DossiersApi.MapDossiersApi"/>).</summary>
    public static void MapProcedures(this RouteGroupBuilder procedures)
    {
        procedures.MapGet("", ListAsync).WithName("ListProcedures")
            .WithSummary("A page of the unit's procedures by code, filtered by field, active, or text in the name or code");
        procedures.MapGet("/{code}", GetAsync).WithName("GetProcedure").WithSummary("A procedure of the unit's catalogue");
        procedures.MapPost("", CreateAsync).WithName("CreateProcedure").WithSummary("Adds a procedure to the unit's catalogue")
            .ProducesProblem(StatusCodes.Status409Conflict);
        procedures.MapPut("/{code}", UpdateAsync).WithName("UpdateProcedure").WithSummary("Changes a procedure (its code stays)");
        procedures.MapPost("/import", ImportAsync).WithName("ImportProcedures")
            .WithSummary("Creates or updates procedures by code from a CSV file, an Excel workbook or a JSON array, all or nothing")
            .WithDescription("The body is a CSV file with a header line, an Excel workbook (.xlsx, its first sheet with a header row) or a JSON "
                + "array of procedures; any bad row is a 400 listing each row's problems, and nothing is written.")
            .AcceptsImportFile<ProcedureInput>();
    }

    private static async Task<Results<Ok<ProcedureResponse>, ProblemHttpResult>> GetAsync(
        string unitCode, string code, DossiersDbContext db, CancellationToken ct) =>
        await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.UnitCode == unitCode && p.Code == code, ct) is { } procedure
            ? TypedResults.Ok(ProcedureResponse.From(procedure))
            : ApiProblems.NotFound($"Đơn vị {unitCode} không có thủ tục mã {code}.");

    private static async Task<Ok<Page<ProcedureResponse>>> ListAsync(
        string unitCode, DossiersDbContext db, string? field, bool? active, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Procedures.AsNoTracking().Where(p => p.UnitCode == unitCode);
        if (!string.IsNullOrWhiteSpace(field))
            query = query.Where(p => p.Field == field);
        if (active is not null)
            query = query.Where(p => p.Active == active);
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(p => EF.Functions.ILike(p.Name, $"%{q.Trim()}%") || p.Code.StartsWith(q.Trim()));
        var found = await query.OrderBy(p => p.Code).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<ProcedureResponse>([.. found.Items.Select(ProcedureResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Created<ProcedureResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string unitCode, ProcedureInput input, DossiersDbContext db, ProcedureCatalogue catalogue, IUnitDirectory units, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return UnitNotKnown(unitCode);
        await using var change = await catalogue.ChangeAsync(unitCode, ct);
        if (await db.Procedures.AnyAsync(p => p.UnitCode == unitCode && p.Code == input.Code, ct))
            return ApiProblems.Conflict($"Đơn vị {unitCode} đã có thủ tục mã {input.Code}.");
        var procedure = new Procedure { UnitCode = unitCode, ProvinceCode = province, Code = input.Code!, Name = "", Field = "" };
        input.ApplyTo(procedure, clock.GetUtcNow());
        db.Procedures.Add(procedure);
        await catalogue.CommitAsync(change, unitCode, province, ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/dossiers/procedures/{procedure.Code}", ProcedureResponse.From(procedure));
    }

    private static async Task<Results<Ok<ProcedureResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string unitCode, string code, ProcedureInput input, DossiersDbContext db, ProcedureCatalogue catalogue, TimeProvider clock, CancellationToken ct)
    {
        await using var change = await catalogue.ChangeAsync(unitCode, ct);
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.UnitCode == unitCode && p.Code == code, ct);
        if (procedure is null)
            return ApiProblems.NotFound($"Đơn vị {unitCode} không có thủ tục mã {code}.");
        var errors = (input with { Code = input.Code ?? code }).Validate();
        if (input.Code is not null && input.Code != code)
            errors.Add("code", "Mã thủ tục không đổi được; tạo thủ tục mới với mã mới.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        input.ApplyTo(procedure, clock.GetUtcNow());
        await catalogue.CommitAsync(change, unitCode, procedure.ProvinceCode, ct);
        return TypedResults.Ok(ProcedureResponse.From(procedure));
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        string unitCode, HttpRequest request, DossiersDbContext db, ProcedureCatalogue catalogue, IUnitDirectory units, TimeProvider clock,
        CancellationToken ct)
    {
        var rows = new List<(int Row, ProcedureInput Input)>();
        var upload = await request.ReadImportAsync<ProcedureInput>(MaxImportBytes, MaxImportRows, (row, input) => rows.Add((row, input)), ct);
        if (upload.Refused is { } refused)
            return refused;
        upload.Problems.AddRange(ProcedureImport.Check(rows));
        if (upload.Problems.Count > 0)
            return upload.BadRows("thủ tục");

        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return UnitNotKnown(unitCode);
        await using var change = await catalogue.ChangeAsync(unitCode, ct);
        var existing = await db.Procedures.Where(p => p.UnitCode == unitCode).ToDictionaryAsync(p => p.Code, ct);
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var (_, input) in rows)
        {
            if (!existing.TryGetValue(input.Code!, out var procedure))
            {
                procedure = new Procedure { UnitCode = unitCode, ProvinceCode = province, Code = input.Code!, Name = "", Field = "" };
                db.Procedures.Add(procedure);
                created++;
            }
            input.ApplyTo(procedure, now);
        }
        await catalogue.CommitAsync(change, unitCode, province, ct); // one transaction: the whole file or nothing
        return TypedResults.Ok(new ImportResult(created, rows.Count - created));
    }

    private static ProblemHttpResult UnitNotKnown(string unitCode) =>
        ApiProblems.NotFound($"Dịch vụ hồ sơ chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
}
