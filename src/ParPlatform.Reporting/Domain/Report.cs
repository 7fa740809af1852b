using ParPlatform.Contracts.Reporting;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Indicators;

namespace ParPlatform.Reporting.Domain;

/// <summary>Where a unit's report of a period stands.</summary>
public enum ReportStatus
{
    /// <summary>Being written by the unit's officers.</summary>
    Draft,

    /// <summary>Signed by the chairman and sent to the province; waiting for its reviewer.</summary>
    Submitted,

    /// <summary>Sent back by the province's reviewer with a reason: the unit corrects it and submits again.</summary>
    Returned,

    /// <summary>Accepted by the province: final.</summary>
    Accepted,
}

/// <summary>
/// A unit's periodic PAR report of a period (DOMAIN.md section 8): the narrative its officers write under the template's
/// headings, and its submissions. Draft → submitted (the chairman signs; a document number and date, on time or late
/// against the province's due date) → accepted, or returned with a reason → submitted again. Each submission is an
/// immutable <see cref="ReportVersion"/> holding the report as submitted, figures included, whatever changes later.
/// Tenant-owned row, one per unit and period.
/// </summary>
public sealed class Report : Aggregate
{
    private Report()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    /// <summary>The period's code, e.g. "2026-Q1".</summary>
    public string Period { get; private set; } = null!;

    public ReportStatus Status { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public uint Version { get; private set; }

    public List<ReportNarrative> Narrative { get; private set; } = [];

    public List<ReportVersion> Versions { get; private set; } = [];

    /// <summary>The facts entered for the period (<see cref="EnteredFacts"/>).</summary>
    public List<ReportFact> Facts { get; private set; } = [];

    /// <summary>The indicators the unit typed for the period (DOMAIN.md section 7: those no service computes).</summary>
    public List<ReportIndicator> Indicators { get; private set; } = [];

    /// <summary>What the unit's agencies wrote for the report under its headings (seeds 002 and 004: agency → unit → province).</summary>
    public List<AgencyPart> AgencyParts { get; private set; } = [];

    /// <summary>Computed figures the unit replaced, each with its reason; the reviewer sees both values and the reason.</summary>
    public List<ReportOverride> Overrides { get; private set; } = [];

    public override string EventKey() => Id.ToString();

    public static Report Open(string unitCode, string provinceCode, string period) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Period = period, Status = ReportStatus.Draft };

    /// <summary>The latest submission; null before the first.</summary>
    public ReportVersion? Latest => Versions.MaxBy(v => v.Number);

    /// <summary>Writes the text under a heading of the template (empty text clears it), while the report is the unit's to change.</summary>
    public void Write(string sectionKey, string text, string by, DateTimeOffset at)
    {
        if (ReportTemplate.Find(sectionKey) is null)
            throw new DomainInputException("key", $"Không có mục \"{sectionKey}\" trong mẫu báo cáo; có: {string.Join(", ", ReportTemplate.Sections.Select(s => s.Key))}.");
        EnsureOpen();
        var part = Narrative.SingleOrDefault(n => n.SectionKey == sectionKey);
        if (part is null)
            Narrative.Add(part = new ReportNarrative(this, sectionKey));
        part.Set(text, by, at);
        ChangedAt = at;
    }

    /// <summary>
    /// Enters a fact of the period (a count or a percentage, possibly a lower bound "trên …", with an optional note of its
    /// evidence), or corrects it, while the report is the unit's to change; an accepted report locks its facts.
    /// </summary>
    public ReportFact Enter(string code, decimal value, bool atLeast, string? evidence, string by, DateTimeOffset at)
    {
        var definition = EnteredFacts.Find(code)
            ?? throw new DomainInputException("code", $"Không có số liệu \"{code}\"; có: {string.Join(", ", EnteredFacts.All.Select(f => f.Code))}.");
        if (EnteredFacts.Problem(definition, value) is { } problem)
            throw new DomainInputException("value", problem);
        EnsureOpen();
        var fact = Facts.SingleOrDefault(f => f.Code == code);
        if (fact is null)
            Facts.Add(fact = new ReportFact(this, code));
        fact.Set(value, atLeast, evidence, by, at);
        ChangedAt = at;
        return fact;
    }

    /// <summary>
    /// Enters an indicator of the catalogue that no service computes, for the period: a rate's numerator and denominator, a
    /// count's value (no denominator), a change's value and its baseline; with a note of its evidence.
    /// </summary>
    public ReportIndicator EnterIndicator(string code, decimal numerator, decimal? denominator, string? evidence, string by, DateTimeOffset at)
    {
        var indicator = IndicatorCatalogue.Find(code) is { Source: IndicatorSource.Entered } found ? found
            : throw new DomainInputException("code", $"\"{code}\" không phải chỉ số nhập tay; có: " +
                string.Join(", ", IndicatorCatalogue.All.Where(i => i.Source == IndicatorSource.Entered).Select(i => i.Code)) + ".");
        if (IndicatorValues.Problem(indicator, numerator, denominator) is { } invalid)
            throw new DomainInputException(invalid.Field, invalid.Problem);
        EnsureOpen();
        var entered = Indicators.SingleOrDefault(i => i.Code == code);
        if (entered is null)
            Indicators.Add(entered = new ReportIndicator(this, code));
        entered.Set(numerator, denominator, evidence, by, at);
        ChangedAt = at;
        return entered;
    }

    /// <summary>
    /// An agency of the unit writes its part under a heading (empty text clears it) while the report is open; a part
    /// changed after the agency sent its parts must be sent again.
    /// </summary>
    public void WriteAgencyPart(string agencyCode, string sectionKey, string text, string by, DateTimeOffset at)
    {
        if (ReportTemplate.Find(sectionKey) is null)
            throw new DomainInputException("key", $"Không có mục \"{sectionKey}\" trong mẫu báo cáo; có: {string.Join(", ", ReportTemplate.Sections.Select(s => s.Key))}.");
        EnsureOpen();
        var part = AgencyParts.SingleOrDefault(p => p.AgencyCode == agencyCode && p.Code == sectionKey);
        if (part is null)
            AgencyParts.Add(part = new AgencyPart(this, agencyCode, sectionKey));
        part.Write(text, by, at);
        ChangedAt = at;
    }

    /// <summary>The agency sends its parts to the unit: the unit's officers see them, sent on that date, under their headings.</summary>
    public void SendAgencyParts(string agencyCode, string by, DateTimeOffset at)
    {
        var parts = AgencyParts.Where(p => p.AgencyCode == agencyCode && p.Text.Length > 0).ToList();
        if (parts.Count == 0)
            throw new DomainRuleException($"Cơ quan {agencyCode} chưa viết phần nào của báo cáo.");
        EnsureOpen();
        foreach (var part in parts)
            part.Send(by, at);
        ChangedAt = at;
    }

    /// <summary>Replaces a computed figure's number with <paramref name="value"/>, for the stated <paramref name="reason"/>.</summary>
    public ReportOverride Override(string code, decimal value, string reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2_000)
            throw new DomainInputException("reason", "Ghi lý do thay số liệu tính từ hệ thống (tối đa 2.000 ký tự).");
        if (value < 0 || value > 1_000_000_000_000_000m)
            throw new DomainInputException("value", "Giá trị từ 0 đến 10^18.");
        EnsureOpen();
        var replaced = Overrides.SingleOrDefault(o => o.Code == code);
        if (replaced is null)
            Overrides.Add(replaced = new ReportOverride(this, code));
        replaced.Set(value, reason.Trim(), by, at);
        ChangedAt = at;
        return replaced;
    }

    /// <summary>Goes back to the computed value of a figure.</summary>
    public void RestoreFigure(string code, DateTimeOffset at)
    {
        EnsureOpen();
        if (Overrides.SingleOrDefault(o => o.Code == code) is { } replaced)
        {
            Overrides.Remove(replaced);
            ChangedAt = at;
        }
    }

    private void EnsureOpen()
    {
        if (Status is ReportStatus.Submitted or ReportStatus.Accepted)
            throw new DomainRuleException(Status == ReportStatus.Submitted
                ? "Báo cáo đã gửi tỉnh: chỉ sửa được khi tỉnh trả lại."
                : "Báo cáo đã được tỉnh tiếp nhận: không sửa được nữa.");
    }

    /// <summary>
    /// Submits the report as it stands: a new version holding <paramref name="content"/> (the report as submitted, figures
    /// and narrative), numbered <paramref name="sequence"/>/<paramref name="symbol"/> in the unit's documents of the year
    /// ("188/BC-UBND"), dated <paramref name="submittedOn"/>, on time when by <paramref name="due"/>. From a draft or a
    /// returned report only.
    /// </summary>
    public ReportVersion Submit(int sequence, string symbol, DateOnly submittedOn, DateOnly due, string content, string by, DateTimeOffset at)
    {
        if (Status is ReportStatus.Submitted)
            throw new DomainRuleException("Báo cáo đã gửi tỉnh và đang chờ xem xét.");
        if (Status is ReportStatus.Accepted)
            throw new DomainRuleException("Báo cáo đã được tỉnh tiếp nhận.");
        var version = new ReportVersion(this, (Latest?.Number ?? 0) + 1, sequence, symbol, submittedOn, due, content, by, at);
        Versions.Add(version);
        (Status, ChangedAt) = (ReportStatus.Submitted, at);
        Raise(new ReportSubmitted
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, ReportId = Id, Period = Period, Version = version.Number,
            DocumentNumber = version.DocumentNumber, SubmittedOn = submittedOn, Due = due, OnTime = version.OnTime,
        });
        return version;
    }

    /// <summary>Returns the submitted report to the unit with the reason, which the unit sees.</summary>
    public void Return(string reason, string by, DateTimeOffset at)
    {
        var version = Submitted();
        version.Decide(ReportStatus.Returned, reason, by, at);
        (Status, ChangedAt) = (ReportStatus.Returned, at);
        Raise(new ReportReturned
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, ReportId = Id, Period = Period, Version = version.Number, Reason = reason,
        });
    }

    /// <summary>Accepts the submitted report: final, it changes no more.</summary>
    public void Accept(string by, DateTimeOffset at)
    {
        var version = Submitted();
        version.Decide(ReportStatus.Accepted, null, by, at);
        (Status, ChangedAt) = (ReportStatus.Accepted, at);
        Raise(new ReportAccepted { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, ReportId = Id, Period = Period, Version = version.Number });
    }

    private ReportVersion Submitted() => Status == ReportStatus.Submitted
        ? Latest!
        : throw new DomainRuleException(Status switch
        {
            ReportStatus.Draft => "Đơn vị chưa gửi báo cáo.",
            ReportStatus.Returned => "Báo cáo đã được trả lại; chờ đơn vị gửi lại.",
            _ => "Báo cáo đã được tiếp nhận.",
        });
}

/// <summary>The unit's text under one heading of the template. Tenant-owned row.</summary>
public sealed class ReportNarrative
{
    private ReportNarrative()
    {
    }

    internal ReportNarrative(Report report, string sectionKey) =>
        (ReportId, UnitCode, ProvinceCode, SectionKey) = (report.Id, report.UnitCode, report.ProvinceCode, sectionKey);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ReportId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string SectionKey { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public string WrittenBy { get; private set; } = null!;

    public DateTimeOffset WrittenAt { get; private set; }

    internal void Set(string text, string by, DateTimeOffset at) => (Text, WrittenBy, WrittenAt) = (text, by, at);
}

/// <summary>A row of a report under a code (an entered fact, an entered indicator, a replaced figure): the report, its unit and province, the code.</summary>
public abstract class ReportRow
{
    protected ReportRow()
    {
    }

    protected ReportRow(Report report, string code)
    {
        ArgumentNullException.ThrowIfNull(report);
        (ReportId, UnitCode, ProvinceCode, Code) = (report.Id, report.UnitCode, report.ProvinceCode, code);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ReportId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Code { get; private set; } = null!;
}

/// <summary>A fact entered for the report's period, with the note of its evidence. Tenant-owned row.</summary>
public sealed class ReportFact : ReportRow
{
    private ReportFact()
    {
    }

    internal ReportFact(Report report, string code)
        : base(report, code)
    {
    }

    public decimal Value { get; private set; }

    /// <summary>A lower bound: the report prints "trên" before it.</summary>
    public bool AtLeast { get; private set; }

    public string? Evidence { get; private set; }

    public string EnteredBy { get; private set; } = null!;

    public DateTimeOffset EnteredAt { get; private set; }

    internal void Set(decimal value, bool atLeast, string? evidence, string by, DateTimeOffset at) =>
        (Value, AtLeast, Evidence, EnteredBy, EnteredAt) = (value, atLeast, evidence, by, at);
}

/// <summary>An indicator the unit entered for the report's period: numerator and denominator (a count has none). Tenant-owned row.</summary>
public sealed class ReportIndicator : ReportRow
{
    private ReportIndicator()
    {
    }

    internal ReportIndicator(Report report, string code)
        : base(report, code)
    {
    }

    public decimal Numerator { get; private set; }

    public decimal? Denominator { get; private set; }

    public string? Evidence { get; private set; }

    public string EnteredBy { get; private set; } = null!;

    public DateTimeOffset EnteredAt { get; private set; }

    internal void Set(decimal numerator, decimal? denominator, string? evidence, string by, DateTimeOffset at) =>
        (Numerator, Denominator, Evidence, EnteredBy, EnteredAt) = (numerator, denominator, evidence, by, at);
}

/// <summary>An agency's part of the report under a heading (<see cref="ReportRow.Code"/>), and when the agency sent it to the unit. Tenant-owned row.</summary>
public sealed class AgencyPart : ReportRow
{
    private AgencyPart()
    {
    }

    internal AgencyPart(Report report, string agencyCode, string sectionKey)
        : base(report, sectionKey) => AgencyCode = agencyCode;

    public string AgencyCode { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public string WrittenBy { get; private set; } = null!;

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>When the agency sent it to the unit; null while it is the agency's draft (and again once changed after).</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public string? SentBy { get; private set; }

    internal void Write(string text, string by, DateTimeOffset at) => (Text, WrittenBy, WrittenAt, SentAt, SentBy) = (text, by, at, null, null);

    internal void Send(string by, DateTimeOffset at) => (SentAt, SentBy) = (at, by);
}

/// <summary>A computed figure the unit replaced for the report, with its reason. Tenant-owned row.</summary>
public sealed class ReportOverride : ReportRow
{
    private ReportOverride()
    {
    }

    internal ReportOverride(Report report, string code)
        : base(report, code)
    {
    }

    public decimal Value { get; private set; }

    public string Reason { get; private set; } = null!;

    public string By { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }

    internal void Set(decimal value, string reason, string by, DateTimeOffset at) => (Value, Reason, By, At) = (value, reason, by, at);
}

/// <summary>
/// A submission of a report, never changed after: its number, document number and date, whether it was on time, the
/// report as submitted (<see cref="Content"/>, JSON), and the province's decision on it. Tenant-owned row.
/// </summary>
public sealed class ReportVersion
{
    private ReportVersion()
    {
    }

    internal ReportVersion(Report report, int number, int sequence, string symbol, DateOnly submittedOn, DateOnly due, string content, string by,
        DateTimeOffset at) =>
        (ReportId, UnitCode, ProvinceCode, Number, Sequence, Symbol, Year, SubmittedOn, Due, Content, SubmittedBy, SubmittedAt) =
        (report.Id, report.UnitCode, report.ProvinceCode, number, sequence, symbol, submittedOn.Year, submittedOn, due, content, by, at);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ReportId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Number { get; private set; }

    /// <summary>The document's number in the unit's register of the year (188).</summary>
    public int Sequence { get; private set; }

    /// <summary>The document's symbol ("BC-UBND").</summary>
    public string Symbol { get; private set; } = null!;

    /// <summary>The year of the register: the year it was submitted in.</summary>
    public int Year { get; private set; }

    /// <summary>As printed: "188/BC-UBND".</summary>
    public string DocumentNumber => DocumentNumberOf(Sequence, Symbol);

    public DateOnly SubmittedOn { get; private set; }

    public DateOnly Due { get; private set; }

    public bool OnTime => IsOnTime(SubmittedOn, Due);

    /// <summary>The report as submitted (figures and narrative), JSON.</summary>
    public string Content { get; private set; } = null!;

    public string SubmittedBy { get; private set; } = null!;

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Returned or Accepted once the province decided; null while it waits.</summary>
    public ReportStatus? Decision { get; private set; }

    public string? ReturnReason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static string DocumentNumberOf(int sequence, string symbol) => $"{sequence}/{symbol}";

    /// <summary>Submitted on or before the province's due date.</summary>
    public static bool IsOnTime(DateOnly submittedOn, DateOnly due) => submittedOn <= due;

    internal void Decide(ReportStatus decision, string? reason, string by, DateTimeOffset at) =>
        (Decision, ReturnReason, DecidedBy, DecidedAt) = (decision, reason, by, at);
}
