using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>A period a province collects reports for, with the name its reports print, its data window and its due date.</summary>
public sealed record ScheduledPeriod(ReportPeriod Period, string Name, DateWindow Window, DateOnly Due)
{
    /// <summary>The name inside a sentence: "quý I năm 2026", "tháng 3 năm 2026", or an ad hoc report's name as the province wrote it.</summary>
    public string NameInSentence => char.ToLowerInvariant(Name[0]) + Name[1..];

    public static ScheduledPeriod Of(ReportPeriod period, ReportPeriodSettings settings) =>
        new(period, period.Name, period.Window(settings), period.Due(settings));
}

/// <summary>
/// An ad hoc report (báo cáo đột xuất) a province calls for: its name, which the reports print after "công tác cải cách hành
/// chính" ("phục vụ Đoàn kiểm tra công tác cải cách hành chính năm 2026"), its data window and its due date. Numbered per
/// province in the year its window ends: the first of 2026 is the period 2026-DX01. Not a tenant's row: every unit of the
/// province reads it, only the province's routes write it.
/// </summary>
public sealed class AdHocPeriod
{
    public const int MaxName = 300;

    private AdHocPeriod()
    {
    }

    public string ProvinceCode { get; private set; } = null!;

    public int Year { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = null!;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateOnly Due { get; private set; }

    public string CreatedBy { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public ReportPeriod Period => new(Year, ReportPeriodKind.AdHoc, Number);

    public ScheduledPeriod Scheduled => new(Period, Name, new DateWindow(From, To), Due);

    /// <summary>
    /// What is wrong with an ad hoc report's name and dates, by field (empty when nothing is): a name of 1–300 characters, a
    /// window that starts by its end and lasts at most a year, a due date after the window's start and not before today.
    /// </summary>
    public static IReadOnlyList<(string Field, string Problem)> Problems(string? name, DateOnly? from, DateOnly? to, DateOnly? due, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName)
            problems.Add(("name", $"Ghi tên báo cáo đột xuất (tối đa {MaxName} ký tự), đọc được sau \"công tác cải cách hành chính\"."));
        if (from is null)
            problems.Add(("from", "Chọn ngày đầu kỳ lấy số liệu."));
        if (to is null)
            problems.Add(("to", "Chọn ngày cuối kỳ lấy số liệu."));
        else if (from is { } start && (to < start || to.Value >= start.AddYears(1)))
            problems.Add(("to", "Ngày cuối kỳ từ ngày đầu kỳ đến trước cùng ngày năm sau."));
        if (due is null)
            problems.Add(("due", "Chọn hạn gửi báo cáo."));
        else if (due < today)
            problems.Add(("due", "Hạn gửi không trước hôm nay."));
        else if (from is { } first && due <= first)
            problems.Add(("due", "Hạn gửi phải sau ngày đầu kỳ lấy số liệu."));
        return problems;
    }

    /// <summary>
    /// What is wrong with a correction of this report's name and dates (empty when nothing is): the problems of a call, and a window
    /// that still ends in the report's year (its number is of that year).
    /// </summary>
    public IReadOnlyList<(string Field, string Problem)> CorrectionProblems(string? name, DateOnly? from, DateOnly? to, DateOnly? due, DateOnly today)
    {
        var problems = Problems(name, from, to, due, today).ToList();
        if (to is { } end && end.Year != Year && problems.All(p => p.Field != "to"))
            problems.Add(("to", $"Ngày cuối kỳ vẫn trong năm {Year}: báo cáo đột xuất số {Number} là của năm đó (gọi báo cáo mới cho năm khác)."));
        return problems;
    }

    /// <summary>The province corrects the report's name, window or due date before any unit has submitted it; the values must pass <see cref="CorrectionProblems"/>.</summary>
    public void Correct(string name, DateWindow window, DateOnly due)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (window.To.Year != Year)
            throw new InvalidOperationException($"An ad hoc report of {Year} keeps a window ending in {Year}.");
        (Name, From, To, Due) = (name.Trim(), window.From, window.To, due);
    }

    /// <summary>A province calls for an ad hoc report, numbered <paramref name="number"/> in the year its window ends; the values must pass <see cref="Problems"/>.</summary>
    public static AdHocPeriod Call(
        string provinceCode, int number, string name, DateWindow window, DateOnly due, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, ReportPeriod.MaxAdHocNumber);
        return new AdHocPeriod
        {
            ProvinceCode = provinceCode, Year = window.To.Year, Number = number, Name = name.Trim(), From = window.From, To = window.To, Due = due,
            CreatedBy = userId, CreatedAt = now,
        };
    }
}

/// <summary>
/// Every period a province collects reports for: the statutory four of each year and the months under its
/// <see cref="ReportPeriodSettings"/>, and the ad hoc reports it called for.
/// </summary>
public sealed record ProvincePeriods(ReportPeriodSettings Settings, IReadOnlyList<AdHocPeriod> AdHoc)
{
    /// <summary>The period with its name, window and due date; null when the province does not collect it (a month without a
    /// monthly rule, an ad hoc report it did not call for).</summary>
    public ScheduledPeriod? Find(ReportPeriod period) => period.Kind == ReportPeriodKind.AdHoc
        ? AdHoc.SingleOrDefault(a => a.Year == period.Year && a.Number == period.Number)?.Scheduled
        : Settings.Covers(period) ? ScheduledPeriod.Of(period, Settings) : null;

    /// <summary>The periods of <paramref name="year"/> (those whose window ends in it) in the order they fall due; on one day, the
    /// statutory report before the month's, before the ad hoc ones.</summary>
    public IReadOnlyList<ScheduledPeriod> Of(int year)
    {
        var regular = ReportPeriod.ListFor(year).Concat(Settings.Monthly is null ? Array.Empty<ReportPeriod>() : ReportPeriod.MonthsOf(year));
        return [.. regular.Select(p => ScheduledPeriod.Of(p, Settings))
            .Concat(AdHoc.Where(a => a.Year == year).Select(a => a.Scheduled))
            .OrderBy(p => p.Due).ThenBy(p => p.Window.To).ThenBy(p => p.Period.Kind).ThenBy(p => p.Period.Number)];
    }
}
