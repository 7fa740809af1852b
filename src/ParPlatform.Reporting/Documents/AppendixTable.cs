using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Documents;

/// <summary>Appendix I (form II.06a) as a table: its column headings and a row's counts, the same in the Word document and the workbook.</summary>
public static class AppendixTable
{
    public static readonly string[] Columns =
    [
        "Lĩnh vực", "Kỳ trước chuyển sang", "Tiếp nhận", "Trực tuyến", "Trực tiếp, BCCI", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Đang giải quyết", "Trong hạn", "Quá hạn", "Trả lại, rút, không đủ điều kiện",
    ];

    /// <summary>The rows: one per field, then the total.</summary>
    public static IEnumerable<StatisticsRow> Rows(IReadOnlyList<StatisticsRow> fields, StatisticsRow total) => fields.Append(total with { Field = "Tổng cộng" });

    /// <summary>A row's counts, in the order of <see cref="Columns"/> after the field.</summary>
    public static long[] Counts(StatisticsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.CarriedOver, row.Received.Total, row.Received.Online, row.Received.InPersonOrPostal, row.Resolved.Total, row.Resolved.Early,
            row.Resolved.OnTime, row.Resolved.Late, row.Pending.Total, row.Pending.WithinDeadline, row.Pending.Overdue, row.ReturnedWithdrawnNotEligible,
        ];
    }
}
