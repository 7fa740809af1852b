using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Apis;

/// <summary>
/// A unit's public assets as the API reads and writes them: its general inventories with their subjects' progress, and the
/// cases of disposal. Input checked whole, then the aggregate's own methods, one save; a refusal of the domain
/// (<see cref="DomainInputException"/>) is answered by <see cref="DomainProblems"/>.
/// </summary>
public sealed class AssetStore(FinanceDbContext db, IUnitDirectory units, TimeProvider clock)
{
    private static ProblemHttpResult NoInventory(string code) => ApiProblems.NotFound($"Đơn vị chưa có đợt kiểm kê \"{code}\".");

    public async Task<Results<Ok<InventoryReport>, ValidationProblem, ProblemHttpResult>> InventoryAsync(
        string unitCode, string code, string? asOf, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = FinanceStore.AsOf(clock, asOf, errors, DateOnly.MaxValue);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return FinanceStore.UnknownUnit(unitCode);
        var inventory = await Load(unitCode, code).AsNoTracking().SingleOrDefaultAsync(ct);
        return inventory is null ? NoInventory(code) : TypedResults.Ok(InventoryReport.From(inventory, date!.Value));
    }

    public async Task<Results<Ok<InventoryReport>, ValidationProblem, ProblemHttpResult>> DefineInventoryAsync(
        string unitCode, string code, InventoryInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        FinanceStore.CheckCode("code", code, "Mã đợt kiểm kê", errors);
        errors.RequireText("name", input.Name, 300);
        CheckDecision(input.Decision, errors);
        if (input.AssetTypeCount is not (>= 1 and <= 100))
            errors.Add("assetTypeCount", "Số loại tài sản kiểm kê theo quyết định, từ 1 đến 100 (19 theo Quyết định 213/QĐ-TTg).");
        var types = new List<AssetTypeContent>();
        if (input.AssetTypes is null || input.AssetTypes.Count == 0)
            errors.Add("assetTypes", "Cần ít nhất một loại tài sản (mẫu số và tên).");
        else if (input.AssetTypes.Count > 100)
            errors.Add("assetTypes", "Tối đa 100 loại tài sản.");
        else
        {
            for (var i = 0; i < input.AssetTypes.Count; i++)
            {
                var type = input.AssetTypes[i];
                var formOk = type?.Form is { } form && IsForm(form);
                var nameOk = !string.IsNullOrWhiteSpace(type?.Name) && type.Name.Trim().Length <= 300;
                if (!formOk)
                    errors.Add($"assetTypes[{i}].form", "Mẫu số gồm 1 đến 10 ký tự 0-9, a-z (ví dụ \"01a\").");
                if (!nameOk)
                    errors.Add($"assetTypes[{i}].name", "Tên loại tài sản từ 1 đến 300 ký tự.");
                if (formOk && nameOk)
                    types.Add(new AssetTypeContent(type!.Form!, type.Name!.Trim()));
            }
        }
        if (input.ReportDeadline is null)
            errors.Add("reportDeadline", "Không được để trống.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return FinanceStore.UnknownUnit(unitCode);
        var inventory = await Load(unitCode, code).SingleOrDefaultAsync(ct);
        if (inventory is null)
            db.AssetInventories.Add(inventory = AssetInventory.Open(unitCode, province, code));
        inventory.Define(input.Name!.Trim(), input.Decision?.Trim(), input.AssetTypeCount!.Value, types, input.RegistrationDeadline,
            input.ReportDeadline!.Value, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(InventoryReport.From(inventory, DateOnly.MaxValue));
    }

    public async Task<Results<Ok<InventorySubjectResponse>, ValidationProblem, ProblemHttpResult>> RecordSubjectAsync(
        string unitCode, string code, string subjectCode, InventorySubjectInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subjectCode);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        FinanceStore.CheckCode("subjectCode", subjectCode, "Mã đơn vị thuộc đối tượng kiểm kê", errors);
        errors.RequireText("name", input.Name, 300);
        var forms = input.AssetForms ?? [];
        if (forms.Count > 100)
            errors.Add("assetForms", "Tối đa 100 loại tài sản.");
        for (var i = 0; i < forms.Count && i < 100; i++)
        {
            if (forms[i] is not { } form || !IsForm(form))
                errors.Add($"assetForms[{i}]", "Mẫu số gồm 1 đến 10 ký tự 0-9, a-z (ví dụ \"01a\").");
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return FinanceStore.UnknownUnit(unitCode);
        var inventory = await Load(unitCode, code).SingleOrDefaultAsync(ct);
        if (inventory is null)
            return NoInventory(code);
        var subject = inventory.Record(subjectCode,
            new SubjectProgress(input.Name!.Trim(), input.TeamFormedOn, input.RegisteredOn, [.. forms.Select(f => f!)], input.ReportSubmittedOn),
            Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(InventorySubjectResponse.From(subject));
    }

    public async Task<Results<Ok<List<AssetDisposalResponse>>, ValidationProblem, ProblemHttpResult>> DisposalsAsync(
        string unitCode, int? year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return FinanceStore.UnknownUnit(unitCode);
        var disposals = db.AssetDisposals.AsNoTracking().Where(d => d.UnitCode == unitCode);
        if (year is { } y)
            disposals = disposals.Where(d => d.Date >= new DateOnly(y, 1, 1) && d.Date <= new DateOnly(y, 12, 31));
        return TypedResults.Ok((await disposals.OrderBy(d => d.Date).ThenBy(d => d.Id).ToListAsync(ct)).Select(AssetDisposalResponse.From).ToList());
    }

    public async Task<Results<Created<AssetDisposalResponse>, ValidationProblem, ProblemHttpResult>> RecordDisposalAsync(
        string unitCode, AssetDisposalInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.Date is null)
            errors.Add("date", "Không được để trống.");
        errors.RequireText("asset", input.Asset, 500);
        CheckDecision(input.Decision, errors);
        errors.RequireText("note", input.Note, 4000);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return FinanceStore.UnknownUnit(unitCode);
        var disposal = AssetDisposal.Record(unitCode, province, input.Date!.Value, input.Asset!.Trim(), input.Decision?.Trim(), input.Note!.Trim(),
            Caller.Of(user).UserId, clock.GetUtcNow());
        db.AssetDisposals.Add(disposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/finance/assets/disposals", AssetDisposalResponse.From(disposal));
    }

    private IQueryable<AssetInventory> Load(string unitCode, string code) =>
        db.AssetInventories.Include(i => i.AssetTypes).Include(i => i.Subjects).AsSplitQuery().Where(i => i.UnitCode == unitCode && i.Code == code);

    private static bool IsForm(string form) => form.Length is >= 1 and <= 10 && form.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    private static void CheckDecision(string? decision, FieldErrors errors)
    {
        if (decision is not null && (decision.Trim().Length == 0 || decision.Trim().Length > 50))
            errors.Add("decision", "Số văn bản từ 1 đến 50 ký tự (ví dụ \"213/QĐ-TTg\"); bỏ trống (null) khi không có.");
    }
}
