namespace ParPlatform.Reporting.Domain;

/// <summary>A part of the report the unit writes: its key (the heading's number) and the heading as printed.</summary>
public sealed record ReportSection(string Key, string Heading);

/// <summary>
/// The headings of a periodic PAR report under which the unit writes its narrative, in the report's order, verbatim from
/// Lạng Sơn's template as Tam Thanh's report of Q1/2026 follows it (seed 001; INVENTORY.md section 2). The computed figures
/// and their sentences come from the services; these parts are the unit's own words.
/// </summary>
public static class ReportTemplate
{
    public static readonly IReadOnlyList<ReportSection> Sections =
    [
        new("I", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
        new("II.1.1", "1.1. Việc thực hiện quy trình xây dựng, ban hành văn bản quy phạm pháp luật (QPPL)"),
        new("II.1.2", "1.2. Việc tổ chức thi hành pháp luật và theo dõi, thi hành pháp luật"),
        new("II.1.3", "1.3. Việc thực hiện tuyên truyền, phổ biến giáo dục pháp luật"),
        new("II.1.4", "1.4. Việc kiểm tra, rà soát và hệ thống hóa văn bản quy phạm pháp luật"),
        new("II.2.1", "2.1. Kết quả rà soát, cắt giảm, đơn giản hóa TTHC"),
        new("II.2.3.1", "2.3.1. Tình hình tổ chức và hoạt động của Bộ phận Một cửa các cấp"),
        new("II.2.3.4", "2.3.4. Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, tổ chức liên quan đến quy định TTHC"),
        new("II.2.3.5", "2.3.5. Kết quả thực hiện việc đánh giá chất lượng giải quyết TTHC"),
        new("II.3", "3. Cải cách tổ chức bộ máy hành chính nhà nước"),
        new("II.4", "4. Cải cách chế độ công vụ"),
        new("II.5", "5. Cải cách tài chính công"),
        new("II.6", "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"),
        new("III.1", "1. Ưu điểm"),
        new("III.2", "2. Những tồn tại, hạn chế, nguyên nhân"),
        new("IV", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CCHC"),
        new("V", "V. KIẾN NGHỊ, ĐỀ XUẤT"),
    ];

    public static ReportSection? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);
}
