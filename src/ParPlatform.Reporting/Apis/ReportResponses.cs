using System.Text.Json;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

/// <summary>The text under a heading of the template (empty when not written).</summary>
public sealed record NarrativePart(string Key, string Heading, string Text);

/// <summary>
/// An entered fact of the period: what it is, under which heading, and its value as entered and as printed ("trên 9.000",
/// "100%"), with the note of its evidence; null values when not entered.
/// </summary>
public sealed record FactResponse(string Code, string SectionKey, string Label, string Measure, decimal? Value, bool AtLeast, string? Text, string? Evidence)
{
    public static FactResponse From(FactDefinition definition, ReportFact? fact) => new(definition.Code, definition.SectionKey, definition.Label,
        EnumNames.Name(definition.Measure), fact?.Value, fact?.AtLeast ?? false,
        fact is null ? null : EnteredFacts.Print(definition, fact.Value, fact.AtLeast), fact?.Evidence);

    /// <summary>Every fact of the catalogue, in the report's order, entered or not.</summary>
    public static IReadOnlyList<FactResponse> All(Report? report) =>
        [.. EnteredFacts.All.Select(d => From(d, report?.Facts.SingleOrDefault(f => f.Code == d.Code)))];
}

/// <summary>
/// The report as submitted, frozen in its version: the unit, the period and its data window, the due date, the narrative
/// under every heading, the facts entered for the period, and the figures computed for the window (form II.06a of the
/// unit's dossiers and its feedback), every figure the report prints from the services' records, each with its time base
/// (and the unit's replacements with their reasons), and the province's template as it was.
/// </summary>
public sealed record ReportContent(
    string UnitCode, string UnitName, string Period, string PeriodName, DateOnly From, DateOnly To, DateOnly Due, IReadOnlyList<NarrativePart> Narrative,
    IReadOnlyList<FactResponse> Facts, StatisticsRow Dossiers, IReadOnlyList<StatisticsRow> DossiersByField, FeedbackStatistics Feedback,
    IReadOnlyList<ComputedFigure> Figures, ProvinceTemplate Template)
{
    /// <summary>The figures by code, as the template's placeholders name them.</summary>
    public IReadOnlyDictionary<string, ComputedFigure> FiguresByCode() => Figures.ToDictionary(f => f.Code, StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>The report as a version holds it.</summary>
    public static ReportContent Of(ReportVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return JsonSerializer.Deserialize<ReportContent>(version.Content, Json)!;
    }
}

/// <summary>The template's sentences under one heading, filled with the figures.</summary>
public sealed record FilledSection(string Key, IReadOnlyList<string> Paragraphs);

/// <summary>The report's computed figures as of a date, each with its time base, and the sentences the report prints them in.</summary>
public sealed record FiguresResponse(string UnitCode, string Period, DateOnly AsOf, IReadOnlyList<ComputedFigure> Figures, IReadOnlyList<FilledSection> Sentences)
{
    public static FiguresResponse From(ReportContent content, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(content);
        var figures = content.FiguresByCode();
        return new(content.UnitCode, content.Period, asOf, content.Figures,
            [.. ReportTemplate.Headings
                .Select(h => new FilledSection(h.Key, TemplateText.Paragraphs(content.Template.Paragraphs, h.Key, figures)))
                .Where(s => s.Paragraphs.Count > 0)]);
    }
}

/// <summary>
/// A submission of the report: its number, document number, dates, timeliness and the province's decision ("returned",
/// "accepted", or null while it waits).
/// </summary>
public sealed record VersionSummary(
    int Number, string DocumentNumber, DateOnly SubmittedOn, DateOnly Due, bool OnTime, string SubmittedBy, string? Decision, string? ReturnReason,
    DateTimeOffset? DecidedAt)
{
    public static VersionSummary From(ReportVersion v) => new(v.Number, v.DocumentNumber, v.SubmittedOn, v.Due, v.OnTime, v.SubmittedBy,
        v.Decision is { } d ? EnumNames.Name(d) : null, v.ReturnReason, v.DecidedAt);
}

/// <summary>A submitted version with the report as it was submitted.</summary>
public sealed record VersionResponse(VersionSummary Version, JsonElement Content)
{
    public static VersionResponse From(ReportVersion v)
    {
        using var content = JsonDocument.Parse(v.Content);
        return new(VersionSummary.From(v), content.RootElement.Clone());
    }
}

/// <summary>
/// A unit's report of a period as it stands: the period's name and data window, its status ("draft", "submitted", "returned", "accepted"), the due date,
/// the narrative under every heading of the template, the facts entered for the period, its submissions, and the reason
/// of the last return while it is returned.
/// </summary>
public sealed record ReportResponse(
    string UnitCode, string Period, string PeriodName, DateOnly From, DateOnly To, string Status, DateOnly Due, IReadOnlyList<NarrativePart> Narrative,
    IReadOnlyList<FactResponse> Facts, IReadOnlyList<AgencyPartResponse> AgencyParts, IReadOnlyList<VersionSummary> Versions, string? ReturnReason)
{
    public static ReportResponse Of(string unitCode, ScheduledPeriod period, Report? report) => new(
        unitCode, period.Period.Code, period.Name, period.Window.From, period.Window.To, EnumNames.Name(report?.Status ?? ReportStatus.Draft), period.Due,
        NarrativeOf(report), FactResponse.All(report),
        [.. (report?.AgencyParts ?? []).OrderBy(p => p.AgencyCode, StringComparer.Ordinal)
            .ThenBy(p => ReportTemplate.Sections.ToList().FindIndex(s => s.Key == p.Code)).Select(AgencyPartResponse.From)],
        [.. (report?.Versions ?? []).OrderBy(v => v.Number).Select(VersionSummary.From)],
        report?.Status == ReportStatus.Returned ? report.Latest!.ReturnReason : null);

    public static IReadOnlyList<NarrativePart> NarrativeOf(Report? report) =>
        [.. ReportTemplate.Sections.Select(s => new NarrativePart(s.Key, s.Heading, report?.Narrative.SingleOrDefault(n => n.SectionKey == s.Key)?.Text ?? ""))];
}

/// <summary>An agency's part under a heading: its text, when written, and when sent to the unit (null: the agency's draft).</summary>
public sealed record AgencyPartResponse(string AgencyCode, string SectionKey, string Text, DateTimeOffset WrittenAt, DateTimeOffset? SentAt)
{
    public static AgencyPartResponse From(AgencyPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new(part.AgencyCode, part.Code, part.Text, part.WrittenAt, part.SentAt);
    }
}

/// <summary>Where a unit of the province stands for the period: "missing" when it has not submitted, else its report's status.</summary>
public sealed record UnitSubmission(
    string UnitCode, string UnitName, string Status, string? DocumentNumber, DateOnly? FirstSubmittedOn, bool? OnTime, int Versions, string? ReturnReason);

/// <summary>
/// A province's reports of a period: every unit with its status, who submitted on time or late (by its first
/// submission), who was returned and why, who has not submitted; the reporting rate (units that submitted ÷ units) and the
/// on-time rate (units that submitted by the due date ÷ units).
/// </summary>
public sealed record SubmissionsResponse(
    string ProvinceCode, string Period, DateOnly Due, int Units, int Submitted, int OnTime, int Late, int Returned, int Accepted, int Missing,
    Rate ReportingRate, Rate OnTimeRate, IReadOnlyList<UnitSubmission> UnitReports);
