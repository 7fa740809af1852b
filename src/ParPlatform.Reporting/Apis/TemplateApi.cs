using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Messaging.Audit;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Reporting.Apis;

/// <summary>What a province sends for its template; a part left out (null) is the default's.</summary>
public sealed record TemplateInput(string? Preamble, IReadOnlyList<string>? Recipients, IReadOnlyList<TemplateParagraph>? Paragraphs);

public sealed record TemplateResponse(string ProvinceCode, ProvinceTemplate Template, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// GET/PUT /api/v1/provinces/{provinceCode}/reports/template: the province's report template (preamble, recipients, the
/// sentences of the computed figures); each change recorded in the audit log. A submitted version keeps the template it
/// was submitted with.
/// </summary>
public static class TemplateApi
{
    public static void MapTemplate(this RouteGroupBuilder province)
    {
        province.MapGet("/template", async (string provinceCode, ProvinceTemplateStore store, CancellationToken ct) =>
        {
            var (template, entry) = await store.GetAsync(provinceCode, ct);
            return TypedResults.Ok(new TemplateResponse(provinceCode, template, entry is null, entry?.UpdatedAt, entry?.UpdatedBy));
        }).WithName("GetReportTemplate").WithSummary("The province's report template: its preamble, recipients and the sentences of the computed figures (the default until it sets its own)");
        province.MapPut("/template", PutAsync).WithName("PutReportTemplate")
            .WithSummary("Sets the province's report template; placeholders such as {Dossiers.Received:00} name the figures of GET …/figures");
    }

    private static async Task<Results<Ok<TemplateResponse>, ValidationProblem>> PutAsync(
        string provinceCode, TemplateInput? input, ClaimsPrincipal user, ProvinceTemplateStore store, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        if (input is null)
            return ApiProblems.Invalid(new FieldErrors().Add("template", "Gửi preamble, recipients và paragraphs (bỏ trống phần giữ như mặc định)."));
        var template = new ProvinceTemplate(input.Preamble?.Trim() is { Length: > 0 } preamble ? preamble : null,
            input.Recipients ?? ProvinceTemplate.Default.Recipients, input.Paragraphs ?? ProvinceTemplate.Default.Paragraphs);
        var problems = template.Problems();
        if (problems.Count > 0)
            return ApiProblems.Invalid(FieldErrors.Of(problems));
        var (before, _) = await store.GetAsync(provinceCode, ct);
        audit.Record(user, "report-template.updated", provinceCode, before, template, provinceCode: provinceCode);
        var entry = await store.SaveAsync(provinceCode, template, Caller.Of(user).UserId, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new TemplateResponse(provinceCode, template, false, entry.UpdatedAt, entry.UpdatedBy));
    }
}
