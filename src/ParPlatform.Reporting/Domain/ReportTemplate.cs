namespace ParPlatform.Reporting.Domain;

/// <summary>A part of the report the unit writes: its key (the heading's number) and the heading as printed.</summary>
public sealed record ReportSection(string Key, string Heading);

/// <summary>A heading of the report as printed, at its level (1: I–V, 2: the areas of II and the parts of III, 3 and 4: their parts).</summary>
public sealed record ReportHeading(string Key, string Text, int Level);

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

    /// <summary>Every heading in the report's order: the unit's sections and the headings that only hold others.</summary>
    public static readonly IReadOnlyList<ReportHeading> Headings =
    [
        new("I", Sections[0].Heading, 1),
        new("II", "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THEO CÁC LĨNH VỰC", 1),
        new("II.1", "1. Cải cách thể chế", 2),
        new("II.1.1", Sections[1].Heading, 3),
        new("II.1.2", Sections[2].Heading, 3),
        new("II.1.3", Sections[3].Heading, 3),
        new("II.1.4", Sections[4].Heading, 3),
        new("II.2", "2. Cải cách thủ tục hành chính (TTHC)", 2),
        new("II.2.1", Sections[5].Heading, 3),
        new("II.2.3", "2.3. Kết quả thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC", 3),
        new("II.2.3.1", Sections[6].Heading, 4),
        new("II.2.3.3", "2.3.3. Tổng hợp, cập nhật kết quả giải quyết hồ sơ TTHC tại cơ quan, đơn vị.", 4),
        new("II.2.3.4", Sections[7].Heading, 4),
        new("II.2.3.5", Sections[8].Heading, 4),
        new("II.3", Sections[9].Heading, 2),
        new("II.4", Sections[10].Heading, 2),
        new("II.5", Sections[11].Heading, 2),
        new("II.6", Sections[12].Heading, 2),
        new("III", "III. ĐÁNH GIÁ CHUNG", 1),
        new("III.1", Sections[13].Heading, 2),
        new("III.2", Sections[14].Heading, 2),
        new("IV", Sections[15].Heading, 1),
        new("V", Sections[16].Heading, 1),
    ];

    public static ReportSection? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);
}
