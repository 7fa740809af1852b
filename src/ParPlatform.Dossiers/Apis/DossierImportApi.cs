using System.Globalization;
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
            // Queued, or writing: staged rows gone through; the last percent is the commit that writes them all.
            _ => Math.Min(99, Math.Round(100m * j.WrittenRows / Math.Max(1, j.TotalRows), 1)),
        },
        j.StartedAt, j.FinishedAt, j.Error);
}

/// <summary>
/// Bulk import of a unit's historical dossiers: POST /api/v1/units/{unitCode}/dossiers/imports with a
/// CSV file, an Excel workbook or a JSON array of the columns of <see cref="DossierImport"/> (<see cref="ImportUploads"/>).
/// The upload is read as it arrives, each row checked and its dossier staged in the database (<see cref="DossierImportStaging"/>):
/// any bad row → 400 listing (row, column, reason) and nothing staged or written. A good file → 202 with the import's address,
/// where its progress is read while the worker writes it (<see cref="DossierImportWorker"/>); an accepted import is written even
/// if the service restarts first. At most <see cref="DossiersOptions.ConcurrentImports"/> files are received at once; another
/// is a 429 with Retry-After.
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
            .AcceptsImportFile<DossierImportRow>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        imports.MapGet("", ListAsync).WithName("ListDossierImports").WithSummary("A page of the unit's imports, newest first, filtered by status");
        imports.MapGet("/{id:guid}", GetAsync).WithName("GetDossierImport").WithSummary("An import's progress");
    }

    private static async Task<Results<Ok<Page<ImportJobResponse>>, ValidationProblem>> ListAsync(
        string unitCode, string? status, int? page, int? pageSize, DossiersDbContext db, CancellationToken ct)
    {
        var query = db.ImportJobs.AsNoTracking().Where(j => j.UnitCode == unitCode);
        if (status is not null)
        {
            if (EnumNames.Parse<ImportStatus>(status) is not { } s)
                return ApiProblems.Invalid(new FieldErrors().Add("status", "Trạng thái là \"queued\", \"writing\", \"completed\" hoặc \"failed\"."));
            query = query.Where(j => j.Status == s);
        }
        var found = await query
            .OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<ImportJobResponse>([.. found.Items.Select(ImportJobResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(string unitCode, Guid id, DossiersDbContext db, CancellationToken ct) =>
        await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.UnitCode == unitCode && j.Id == id, ct) is { } job
            ? TypedResults.Ok(ImportJobResponse.From(job))
            : ApiProblems.NotFound($"Đơn vị {unitCode} không có lần nhập {id}.");

    private static async Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> ImportAsync(
        string unitCode, HttpRequest request, ClaimsPrincipal user, DossiersDbContext db, IUnitDirectory units, WorkingCalendarStore calendars,
        DossierUploads uploads, AcceptedImports accepted, TimeProvider clock, CancellationToken ct)
    {
        using var slot = uploads.TryEnter();
        if (slot is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = DossierUploads.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Dịch vụ đang nhận tối đa số tệp nhập cùng lúc.",
                detail: $"Đang nhận {uploads.Limit} tệp hồ sơ; gửi lại tệp sau {DossierUploads.RetryAfterSeconds} giây.");
        }
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return ApiProblems.NotFound($"Dịch vụ hồ sơ chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.UnitCode == unitCode).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var jobId = Guid.CreateVersion7();
        var problems = new ImportProblems();
        await using var staging = await DossierImportStaging.BeginAsync(db, jobId, ct);
        ValueTask StageAsync(int row, DossierImportRow values) =>
            DossierImport.Read(row, values, procedures, calendar, now, problems) is { } dossier ? staging.AddAsync(row, dossier, ct) : ValueTask.CompletedTask;
        var upload = await request.ReadImportAsync<DossierImportRow>(MaxImportBytes, MaxRows, StageAsync, ct);
        if (upload.Refused is { } refused)
            return refused;
        await foreach (var repeated in staging.RepeatedExternalIdsAsync(ct))
            problems.Add(repeated);
        upload.Problems.Add(problems);
        if (upload.Problems.Count > 0)
            return upload.BadRows("hồ sơ");

        var job = new DossierImportJob
        {
            Id = jobId, UnitCode = unitCode, ProvinceCode = province, Status = ImportStatus.Queued, TotalRows = staging.Rows, StartedAt = now,
            UserId = DossiersApi.ActorOf(user).UserId,
        };
        await staging.CommitAsync(job, ct);
        accepted.Signal();
        return TypedResults.Accepted($"/api/v1/units/{unitCode}/dossiers/imports/{job.Id}", ImportJobResponse.From(job));
    }
}

/// <summary>
/// The dossier import files being received at once, at most <see cref="Limit"/> (<see cref="DossiersOptions.ConcurrentImports"/>):
/// each holds one row in memory, but a core and a database connection until it is staged.
/// </summary>
public sealed class DossierUploads(int limit) : IDisposable
{
    /// <summary>What a refused caller is told to wait: a million-row file is read and staged in about a minute.</summary>
    public const int RetryAfterSeconds = 30;

    private readonly SemaphoreSlim _slots = new(limit, limit);

    public int Limit => limit;

    /// <summary>A place for one upload, given back when disposed; null when all are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
