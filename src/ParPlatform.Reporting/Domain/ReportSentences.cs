namespace ParPlatform.Reporting.Domain;

/// <summary>How the report prints a count in its tables and its place-and-date line.</summary>
public static class ReportSentences
{
    /// <summary>A count as the report prints it: "1.877".</summary>
    public static string Count(long count) => TemplateText.Number(count, 0);

    /// <summary>The place and date line of the header: "Tam Thanh, ngày 05 tháng 3 năm 2026" (day on two digits, month as is, 001:5).</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, ngày {date.Day:00} tháng {date.Month} năm {date.Year}";
}
