using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Staffing.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Apis;

/// <summary>
/// One row of a staffing import: a quota ("quota": the year it is for, the date of its decision, provisional or not, the
/// decision) or a headcount ("headcount": the date it counts on, the public employees and those with a degree), for the
/// whole unit (no agencyCode) or an agency.
/// </summary>
public sealed record StaffingImportRow(
    [RequiredColumn] string? Kind, int? Year, [RequiredColumn] DateOnly? Date, string? AgencyCode, [RequiredColumn] int? CivilServants, int? PublicEmployees,
    int? BudgetPaidPublicEmployees, int? SelfPaidPublicEmployees, int? CivilServantsWithDegree, int? PublicEmployeesWithDegree, bool? Provisional,
    string? Decision);

/// <summary>The quotas and headcounts a file set or recorded.</summary>
public sealed record StaffingImportResult(IReadOnlyList<QuotaResponse> Quotas, IReadOnlyList<HeadcountResponse> Headcounts);

/// <summary>
/// The staffing import: a CSV, JSON or XLSX file of quotas and headcounts, applied through the same methods as the API (the
/// quotas first, so a headcount of the file is compared with a quota of the file), all or nothing: one bad row answers 400
/// with every bad row's line, column and reason, and nothing is written.
/// </summary>
public static class StaffingImportApi
{
    public const string Quota = "quota", Headcount = "headcount";

    /// <summary>Largest file: 1 MB, at most 2.000 rows.</summary>
    public const long MaxBytes = 1024 * 1024;

    public const int MaxRows = 2_000;

    public static async Task<Results<Ok<StaffingImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string unitCode, HttpRequest request, StaffingStore store, IUnitDirectory units, Data.StaffingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(db);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return StaffingStore.UnknownUnit(unitCode);
        var rows = new List<(int Row, StaffingImportRow Cells)>();
        var upload = await request.ReadImportAsync<StaffingImportRow>(MaxBytes, MaxRows, (row, cells) => rows.Add((row, cells)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var by = Caller.Of(request.HttpContext.User).UserId;
        var at = clock.GetUtcNow();
        var quotas = new List<StaffingQuota>();
        var headcounts = new List<Headcount>();
        foreach (var (row, cells) in rows.OrderBy(r => r.Cells.Kind != Quota))
        {
            var problemsBefore = upload.Problems.Count;
            var errors = new FieldErrors();
            StaffingStore.CheckAgency("agencyCode", cells.AgencyCode, errors);
            foreach (var (field, messages) in errors.ToDictionary())
                upload.Problems.Add(row, field, messages[0]);
            try
            {
                switch (cells.Kind)
                {
                    case Quota:
                        if (cells.Year is not (>= 2000 and <= 2100))
                            upload.Problems.Add(row, "year", "Năm của biên chế từ 2000 đến 2100.");
                        Need(row, "budgetPaidPublicEmployees", cells.BudgetPaidPublicEmployees, upload.Problems);
                        Need(row, "selfPaidPublicEmployees", cells.SelfPaidPublicEmployees, upload.Problems);
                        if (cells.Decision is { Length: > 50 })
                            upload.Problems.Add(row, "decision", "Số quyết định tối đa 50 ký tự.");
                        if (upload.Problems.Count > problemsBefore)
                            continue;
                        var (quota, inPost) = await store.OpenQuotaAsync(unitCode, province, cells.Year!.Value, cells.AgencyCode, ct);
                        quota.Set(cells.CivilServants!.Value, cells.BudgetPaidPublicEmployees!.Value, cells.SelfPaidPublicEmployees!.Value,
                            cells.Provisional ?? false, cells.Decision?.Trim() is { Length: > 0 } decision ? decision : null, cells.Date!.Value, inPost, by, at);
                        quotas.Add(quota);
                        break;
                    case Headcount:
                        Need(row, "publicEmployees", cells.PublicEmployees, upload.Problems);
                        if (upload.Problems.Count > problemsBefore)
                            continue;
                        var (headcount, inForce) = await store.OpenHeadcountAsync(unitCode, province, cells.Date!.Value, cells.AgencyCode, ct);
                        headcount.Record(cells.CivilServants!.Value, cells.PublicEmployees!.Value, cells.BudgetPaidPublicEmployees, cells.SelfPaidPublicEmployees,
                            cells.CivilServantsWithDegree, cells.PublicEmployeesWithDegree, null, inForce, by, at);
                        headcounts.Add(headcount);
                        break;
                    default:
                        upload.Problems.Add(row, "kind", $"Ghi \"{Quota}\" (biên chế được giao) hoặc \"{Headcount}\" (biên chế hiện có).");
                        break;
                }
            }
            catch (DomainInputException e)
            {
                upload.Problems.Add(row, e.Field == "decidedOn" ? "date" : e.Field, e.Message);
            }
        }
        if (upload.Problems.Count > 0)
            return upload.BadRows("số liệu biên chế");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new StaffingImportResult([.. quotas.Distinct().Select(QuotaResponse.From)], [.. headcounts.Distinct().Select(HeadcountResponse.From)]));
    }

    private static void Need(int row, string column, int? value, ImportProblems problems)
    {
        if (value is null)
            problems.Add(row, column, "Không được để trống.");
    }
}
