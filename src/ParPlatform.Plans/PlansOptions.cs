using System.ComponentModel.DataAnnotations;

namespace ParPlatform.Plans;

/// <summary>The plans service's settings, from the "Plans" section (e.g. <c>Plans__OverdueScanSeconds=600</c>).</summary>
public sealed class PlansOptions
{
    public const string Section = "Plans";

    /// <summary>How often the overdue job marks the tasks that passed their due date undone, in seconds.</summary>
    [Range(1, 86_400)]
    public int OverdueScanSeconds { get; set; } = 3_600;

    /// <summary>Most rows of a task-table import.</summary>
    [Range(1, 100_000)]
    public int MaxImportRows { get; set; } = 5_000;
}
