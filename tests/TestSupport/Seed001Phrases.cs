namespace ParPlatform.TestSupport;

/// <summary>
/// Seed 001's phrases that print computed figures (INVENTORY.md section 1), with their lines, under the heading of the report
/// each is printed under, as the report template prints them: the domain test of the figures and the end-to-end test of Tam
/// Thanh's regenerated report check the same phrases. Two figures differ from the seed by its own inconsistency (INVENTORY.md:
/// "1.743 next to 1733"): the platform prints a thousands separator in every count, so "1733" (001:79) is "1.733" and
/// "7919/7919" (001:75) is "7.919/7.919"; and the seed's "phân đầu" is spelled "phấn đấu".
/// </summary>
public static class Seed001Phrases
{
    /// <summary>(the heading's key, the phrase).</summary>
    public static readonly TheoryData<string, string> Printed = new()
    {
        { "II.2.2", "Có 399 TTHC thuộc thẩm quyền quản lý và giải quyết của UBND phường." }, // 001:55
        { "II.2.3.2", "đã số hóa được 7.919/7.919 hồ sơ đạt tỷ lệ 100%" }, // 001:75
        { "II.2.3.3", "Từ ngày 01/12/2025 đến ngày 28/02/2026: Đã tiếp nhận 1.877 hồ sơ (trong đó: 1.877 hồ sơ trực tuyến, 0 hồ sơ trực tiếp); " +
            "Hồ sơ từ kỳ trước chuyển sang: 180 hồ sơ. Đã xử lý: 1.743 hồ sơ (trong đó: hồ sơ trước hạn: 1.733 hồ sơ, hồ sơ quá hạn: 10 hồ sơ); " +
            "TTHC đang giải quyết là 249 hồ sơ (trong đó: hồ sơ trong hạn: 248 hồ sơ, hồ sơ quá hạn: 01 hồ sơ); 65 hồ sơ không đủ điều kiện giải quyết." }, // 001:79
        { "II.2.3.4", "Từ 01/12/2025 đến nay, UBND phường tiếp nhận 01 kiến nghị, phản ánh" }, // 001:83
        { "II.2.3.5", "Có 205 lượt công dân thực hiện đánh giá mức độ hài lòng, trong đó: có 203/205 lượt đánh giá “Rất hài lòng”, đạt tỷ lệ 99%; " +
            "02/205 đánh giá “Hài lòng”, đạt tỷ lệ 1%." }, // 001:93
        { "II.3", "với 04 cơ quan chuyên môn (Văn phòng HĐND và UBND; phòng Kinh tế, Hạ tầng và Đô thị; phòng Văn hóa - Xã hội; " +
            "Trung tâm Phục vụ hành chính công), 09 đơn vị sự nghiệp công lập (Trung tâm Dịch vụ công ích và 08 trường học)." }, // 001:97
        { "II.3", "UBND phường được tạm giao biên chế: 379 chỉ tiêu (trong đó: biên chế cán bộ, công chức: 52 chỉ tiêu; biên chế sự nghiệp: " +
            "327 chỉ tiêu (trong đó: 323 chỉ tiêu hưởng lương từ ngân sách nhà nước, 04 chỉ tiêu hưởng lương từ nguồn thu sự nghiệp))" }, // 001:99
        { "II.3", "Biên chế hiện có: 364 người (trong đó: công chức hành chính: tính đến ngày 28/02/2026 có 45 người (không bao gồm LLVT), " +
            "viên chức sự nghiệp: 319 người)" }, // 001:99
        { "II.4", "Trong quý I năm 2026, có 01 viên chức xét chuyển sang công chức." }, // 001:107
        { "II.4", "có 14 chỉ tiêu đăng ký xét thăng hạng viên chức." }, // 001:113
        { "II.4", "Không có trường hợp cán bộ, công chức, viên chức bị xử lý kỷ luật." }, // 001:115
        { "II.5", "tổng thu ngân sách trên địa bàn lũy kế từ đầu năm đến thời điểm báo cáo là 44.553 triệu đồng, bằng 68% dự toán tỉnh giao, " +
            "bằng 61% dự toán phường phấn đấu" }, // 001:123
        { "II.5", "Thu tiền sử dụng đất đạt 21.799 triệu đồng (bằng 150% dự toán tỉnh giao, bằng 118% dự toán phường phấn đấu)" }, // 001:123
        { "II.5", "Chi NSNN lũy kế đến thời điểm báo cáo là 30.000 triệu đồng bằng 15% dự toán tỉnh giao, bằng 14% dự toán phường giao." }, // 001:125
        { "II.5", "Tính đến ngày 31/01/2026, phường Tam Thanh đã thực hiện giải ngân năm 2025 là: 3.969,4 triệu đồng (đạt 85% vốn cấp trên giao; vượt 12% theo chỉ tiêu). " +
            "Trong đó: vốn NSTW (779/779 triệu đồng, đạt 100%); vốn NSDP (3.190,4/3.870 triệu đồng, đạt 82,4%)." }, // 001:129
        { "II.5", "Năm 2026, tổng kế hoạch vốn giao là 18.125 triệu đồng, trong đó vốn NSTW là 14.725 triệu đồng, NSDP là 3.400 triệu đồng." }, // 001:131
        { "II.5", "Đã thực hiện đăng ký 03 loại tài sản/tổng số 19 loại tài sản kiểm kê." }, // 001:141
        { "II.5", "Tổng số đơn vị thuộc phạm vi quản lý thuộc đối tượng kiểm kê là 16 đơn vị, 16/16 đơn vị đã thực hiện thành lập Tổ kiểm kê" }, // 001:143
        { "II.5", "gửi báo cáo trên phần mềm Tổng kiểm kê là trước 31/3/2026." }, // 001:149
        { "II.5", "có 09 đơn vị sự nghiệp công lập đã được phê duyệt phương án tự chủ tài chính trong đó:" }, // 001:151
        { "II.5", "- Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư: không có\n- Số ĐVSN tự bảo đảm chi thường xuyên: không có\n" +
            "- Số ĐVSN tự bảo đảm một phần chi thường xuyên\n+ Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên: không có\n" +
            "+ Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên: 01 đơn vị\n+ Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên: không có\n" +
            "- Số ĐVSN do Nhà nước bảo đảm chi thường xuyên: 08 đơn vị" }, // 001:153-162
        { "II.6", "Trong kỳ báo cáo (từ ngày 01/12/2025 đến ngày 28/02/2026): Đã tiếp nhận 1.877 hồ sơ TTHC trực tuyến." }, // 001:196
    };
}
