using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Apis;

public sealed record ImportJobResponse(
    Guid Id, string Status, int TotalRows, int WrittenRows, int SkippedRows, decimal Percent, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string? Error)
{
    public static ImportJobResponse From(DossierImportJob j) => new(
        j.Id, EnumNames.Name(j.Status), j.TotalRows, j.WrittenRows, j.SkippedRows,
        j.Status switch
        {
            ImportStatus.Completed => 100,
            ImportStatus.Failed => 0,
            // Staged rows; the last percent is the commit that writes them all.
            _ => Math.Min(99, Math.Round(100m * j.WrittenRows / Math.Max(1, j.TotalRows), 1)),
        },
        j.StartedAt, j.FinishedAt, j.Error);
}

/// <summary>
/// Bulk import of a unit's historical dossiers: POST /api/v1/units/{unitCode}/dossiers/imports with a
/// CSV file, an Excel workbook or a JSON array of the columns of <see cref="DossierImport"/> (<see cref="ImportUploads"/>).
/// Every row is checked first: any bad row → 400 listing (row, column, reason) and nothing written.
/// A good file → 202 with the import's address, where its progress is read while it is written.
/// </summary>
public static class DossierImportApi
{
    /// <summary>Largest file: a million dossiers in CSV is about 200 MB.</summary>
    public const long MaxImportBytes = 512L * 1024 * 1024;

    public const int MaxRows = 2_000_000;

    /// <summary>…/dossiers/imports (<see cref="DossiersApi.MapDossiersApi"/>).</summary>
    public static void MapDossierImports(this RouteGroupBuilder imports)
    {
        imports.MapPost("", ImportAsync).WithName("ImportDossiers")
            .WithSummary("Checks a file of historical dossiers and, if every row is good, starts writing them (202 with the import's address)")
            .WithDescription("The body is a CSV file with a header line, an Excel workbook (.xlsx, its first sheet with a header row) or a JSON "
                + "array of rows; any bad row is a 400 listing each row's problems, and nothing is written.")
            .AcceptsImportFile<DossierImportRow>();
        imports.MapGet("", ListAsync).WithName("ListDossierImports").WithSummary("A page of the unit's imports, newest first");
        imports.MapGet("/{id:guid}", GetAsync).WithName("GetDossierImport").WithSummary("An import's progress");
    }

    private static async Task<Ok<Page<ImportJobResponse>>> ListAsync(string unitCode, int? page, int? pageSize, DossiersDbContext db, CancellationToken ct)
    {
        var found = await db.ImportJobs.AsNoTracking().Where(j => j.UnitCode == unitCode)
            .OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<ImportJobResponse>([.. found.Items.Select(ImportJobResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(string unitCode, Guid id, DossiersDbContext db, CancellationToken ct) =>
        await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.UnitCode == unitCode && j.Id == id, ct) is { } job
            ? TypedResults.Ok(ImportJobResponse.From(job))
            : ApiProblems.NotFound($"Đơn vị {unitCode} không có lần nhập {id}.");

    private static async Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> ImportAsync(
        string unitCode, HttpRequest request, ClaimsPrincipal user, DossiersDbContext db, IUnitDirectory units, WorkingCalendarStore calendars,
        AcceptedImports queue, TimeProvider clock, CancellationToken ct)
    {
        var rows = new List<(int Row, DossierImportRow Values)>();
        var upload = await request.ReadImportAsync<DossierImportRow>(MaxImportBytes, MaxRows, (row, values) => rows.Add((row, values)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return ApiProblems.NotFound($"Dịch vụ hồ sơ chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.UnitCode == unitCode).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow();
        var (dossiers, rowProblems) = DossierImport.Read(rows, procedures, await calendars.GetAsync(ct), now);
        upload.Problems.AddRange(rowProblems);
        if (upload.Problems.Count > 0)
            return upload.BadRows("hồ sơ");

        var job = new DossierImportJob
        {
            UnitCode = unitCode, ProvinceCode = province, Status = ImportStatus.Writing, TotalRows = dossiers.Count, StartedAt = now,
            UserId = DossiersApi.ActorOf(user).UserId,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(new ImportWork(job.Id, unitCode, dossiers));
        return TypedResults.Accepted($"/api/v1/units/{unitCode}/dossiers/imports/{job.Id}", ImportJobResponse.From(job));
    }
}
