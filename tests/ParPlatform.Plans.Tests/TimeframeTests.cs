using ParPlatform.Plans.Domain;

namespace ParPlatform.Plans.Tests;

/// <summary>The timeframes of seed 002's appendix (INVENTORY.md §3.2), as written, and the due dates they give.</summary>
public sealed class TimeframeTests
{
    [Theory]
    [InlineData("Thường xuyên", TimeframeKind.Ongoing, null)]
    [InlineData("Năm 2026", TimeframeKind.Year, "2026-12-31")]
    [InlineData("Quý I/2026", TimeframeKind.Quarter, "2026-03-31")]
    [InlineData("Qúy III năm 2026", TimeframeKind.Quarter, "2026-09-30")]
    [InlineData("Tháng 01/2026", TimeframeKind.Month, "2026-01-31")]
    [InlineData("Tháng 02/2028", TimeframeKind.Month, "2028-02-29")]
    [InlineData("Sau khi có Quyết định của UBND tỉnh", TimeframeKind.AfterProvinceDecision, null)]
    [InlineData("Theo hướng dẫn của tỉnh", TimeframeKind.ProvinceGuidance, null)]
    [InlineData("Theo văn bản của tỉnh", TimeframeKind.ProvinceDocuments, null)]
    [InlineData("Trước ngày 28/02/2026", TimeframeKind.Date, "2026-02-28")]
    [InlineData("", TimeframeKind.None, null)]
    public void Nam_Gia_Nghia_appendix_timeframes_give_their_due_dates(string text, TimeframeKind kind, string? due)
    {
        var timeframe = Timeframe.Parse(text);

        Assert.NotNull(timeframe);
        Assert.Equal(kind, timeframe.Kind);
        Assert.Equal(text, timeframe.Text);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), timeframe.DueDate);
    }

    [Theory]
    [InlineData("Quý V/2026")]
    [InlineData("Tháng 13/2026")]
    [InlineData("31/02/2026")]
    [InlineData("Sớm nhất có thể")]
    public void Other_text_is_not_a_timeframe(string text) => Assert.Null(Timeframe.Parse(text));

    [Fact]
    public void Line_breaks_and_doubled_spaces_inside_the_cell_are_collapsed() =>
        Assert.Equal("Sau khi có Quyết định của UBND tỉnh", Timeframe.Parse("Sau khi có Quyết định\n của  UBND tỉnh")!.Text);
}
