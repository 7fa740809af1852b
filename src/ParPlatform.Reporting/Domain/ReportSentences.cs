using System.Globalization;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>The report's sentences that carry computed figures, worded as seed 001 words them.</summary>
public static class ReportSentences
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>A count as the report prints it: "1.877".</summary>
    public static string Count(long count) => count.ToString("#,0", Vietnamese);

    /// <summary>Part 2.3.3, the results of the one-stop desk over the data window (001:79), from the unit's II.06a total.</summary>
    public static string DossierResults(DateOnly from, DateOnly to, StatisticsRow total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return $"Từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}: Đã tiếp nhận {Count(total.Received.Total)} hồ sơ (trong đó: " +
            $"{Count(total.Received.Online)} hồ sơ trực tuyến, {Count(total.Received.InPersonOrPostal)} hồ sơ trực tiếp); " +
            $"Hồ sơ từ kỳ trước chuyển sang: {Count(total.CarriedOver)} hồ sơ. Đã xử lý: {Count(total.Resolved.Total)} hồ sơ (trong đó: " +
            $"hồ sơ trước hạn: {Count(total.Resolved.Early + total.Resolved.OnTime)} hồ sơ, hồ sơ quá hạn: {Count(total.Resolved.Late)} hồ sơ); " +
            $"TTHC đang giải quyết là {Count(total.Pending.Total)} hồ sơ (trong đó: hồ sơ trong hạn: {Count(total.Pending.WithinDeadline)} hồ sơ, " +
            $"hồ sơ quá hạn: {Count(total.Pending.Overdue)} hồ sơ); {Count(total.ReturnedWithdrawnNotEligible)} hồ sơ không đủ điều kiện giải quyết.";
    }

    /// <summary>The place and date line of the header: "Tam Thanh, ngày 05 tháng 3 năm 2026" (day on two digits, month as is, 001:5).</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, ngày {date.Day:00} tháng {date.Month} năm {date.Year}";
}
