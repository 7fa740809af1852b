using ParPlatform.Contracts.Plans;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// A target as the plan writes it: optional code ("2.1") and area, the text, and where measurable its
/// <see cref="Measure"/>, for the whole plan or one phase, optionally one field ("đất đai, xây dựng") or channel
/// ("trực tuyến"); a target taken over from the province's plan names its source.
/// </summary>
public sealed record TargetContent(
    string? Code, ParArea? Area, string Text, Measure? Measure, string? Phase, string? Field, string? Channel, Guid? SourceTargetId);

/// <summary>A target (chỉ tiêu) of a plan. Tenant-owned row (row-level security).</summary>
public sealed class PlanTarget
{
    private PlanTarget()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PlanId { get; private set; }

    public string? UnitCode { get; private set; }

    public string ProvinceCode { get; private set; } = null!;

    /// <summary>Its place in the plan, from 1.</summary>
    public int Ordinal { get; private set; }

    public string? Code { get; private set; }

    public ParArea? Area { get; private set; }

    public string Text { get; private set; } = null!;

    public string? IndicatorCode { get; private set; }

    public TargetComparator? Comparator { get; private set; }

    public decimal? Threshold { get; private set; }

    public string? Phase { get; private set; }

    public string? Field { get; private set; }

    public string? Channel { get; private set; }

    public Guid? SourceTargetId { get; private set; }

    public Measure? Measure => IndicatorCode is null ? null : new Measure(IndicatorCode, Comparator!.Value, Threshold!.Value);

    public TargetContent Content => new(Code, Area, Text, Measure, Phase, Field, Channel, SourceTargetId);

    internal static PlanTarget Create(Plan plan, int ordinal, TargetContent content) => new()
    {
        PlanId = plan.Id, UnitCode = plan.UnitCode, ProvinceCode = plan.ProvinceCode, Ordinal = ordinal, Code = content.Code, Area = content.Area,
        Text = content.Text, IndicatorCode = content.Measure?.IndicatorCode, Comparator = content.Measure?.Comparator,
        Threshold = content.Measure?.Threshold, Phase = content.Phase, Field = content.Field, Channel = content.Channel,
        SourceTargetId = content.SourceTargetId,
    };
}
