using System.Globalization;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>Which periods the report page and the dashboard offer, and which they open first.</summary>
public sealed class ReportPeriodChoiceTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static ReportPeriod Period(string code, string from, string to, string due) =>
        new(code, code[5..], code, DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), DateOnly.Parse(due, CultureInfo.InvariantCulture));

    private static readonly ReportPeriod[] Listed =
    [
        Period("2026-M11", "2026-11-01", "2026-11-30", "2026-12-05"),
        Period("2026-Y", "2025-12-01", "2026-11-30", "2026-12-07"),
        Period("2026-M12", "2026-12-01", "2026-12-31", "2027-01-05"),
        Period("2027-Q1", "2026-12-01", "2027-02-28", "2027-03-05"),
        Period("2027-Q3", "2027-06-01", "2027-08-31", "2027-09-05"),
        Period("2026-DX01", "2026-01-01", "2026-04-30", "2026-05-10"),
    ];

    [Fact]
    public void The_periods_offered_are_those_started_the_latest_due_first()
    {
        Assert.Equal(["2027-Q1", "2026-M12", "2026-Y", "2026-M11", "2026-DX01"], ReportPeriods.Started(Listed, Today).Select(p => p.Code));
    }

    [Theory]
    [InlineData(null, "2026-Y")] // the report due next
    [InlineData("2026-m11", "2026-M11")]
    [InlineData("2026-DX01", "2026-DX01")]
    [InlineData("2027-Q3", "2026-Y")] // not started: not offered
    public void The_page_opens_the_period_asked_for_or_the_report_due_next(string? wanted, string opened)
    {
        Assert.Equal(opened, ReportPeriods.Choose(ReportPeriods.Started(Listed, Today), wanted, Today));
    }

    [Fact]
    public void With_every_report_past_due_the_latest_is_opened()
    {
        Assert.Equal("2026-DX01", ReportPeriods.Choose(ReportPeriods.Started(Listed.Where(p => p.Code == "2026-DX01"), Today), null, Today));
        Assert.Null(ReportPeriods.Choose([], null, Today));
    }
}
