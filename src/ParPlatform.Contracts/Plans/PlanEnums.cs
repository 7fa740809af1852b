using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Plans;

/// <summary>
/// How a target's indicator value compares with its threshold: "greater-than" (&gt;, "trên 90%"), "at-least" (≥, "từ 98% trở
/// lên", "tối thiểu"), "equal" (=, "100%", "không có"), "at-most" (≤, "không vượt quá"), "less-than" (&lt;).
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<TargetComparator>))]
public enum TargetComparator
{
    GreaterThan,
    AtLeast,
    Equal,
    AtMost,
    LessThan,
}

/// <summary>A task's state: "not-started", "in-progress", "done", "cancelled" (with a reason).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PlanTaskStatus>))]
public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}
