using System.Text.Json.Serialization;

namespace ParPlatform.SharedKernel.Calendar;

/// <summary>The unit of a time limit; clients write "days" and "hours".</summary>
public enum TimeLimitUnit
{
    /// <summary>Working days of <see cref="WorkingCalendar.WorkingDayLength"/> each (0.5 is half a day).</summary>
    [JsonStringEnumMemberName("days")]
    WorkingDays,

    [JsonStringEnumMemberName("hours")]
    WorkingHours,
}

/// <summary>A statutory time limit of a procedure (thời hạn giải quyết), in working days or hours.</summary>
public readonly record struct TimeLimit
{
    public TimeLimit(decimal amount, TimeLimitUnit unit)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Thời hạn giải quyết phải lớn hơn 0.");
        Amount = amount;
        Unit = unit;
    }

    public decimal Amount { get; }

    public TimeLimitUnit Unit { get; }

    public static TimeLimit Days(decimal days) => new(days, TimeLimitUnit.WorkingDays);

    public static TimeLimit Hours(decimal hours) => new(hours, TimeLimitUnit.WorkingHours);

    /// <summary>The working time the limit allows.</summary>
    public TimeSpan WorkingTime => Unit == TimeLimitUnit.WorkingDays
        ? WorkingCalendar.WorkingDayLength * (double)Amount
        : TimeSpan.FromHours((double)Amount);
}
