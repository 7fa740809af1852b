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
        new("II.2.2", "2.2. Tổng hợp, cập nhật số lượng TTHC thuộc thẩm quyền quản lý, giải quyết của cơ quan, đơn vị"),
        new("II.2.3.1", "2.3.1. Tình hình tổ chức và hoạt động của Bộ phận Một cửa các cấp"),
        new("II.2.3.2", "2.3.2. Kết quả thực hiện số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC."),
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
        new("I", S("I"), 1),
        new("II", "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THEO CÁC LĨNH VỰC", 1),
        new("II.1", "1. Cải cách thể chế", 2),
        new("II.1.1", S("II.1.1"), 3),
        new("II.1.2", S("II.1.2"), 3),
        new("II.1.3", S("II.1.3"), 3),
        new("II.1.4", S("II.1.4"), 3),
        new("II.2", "2. Cải cách thủ tục hành chính (TTHC)", 2),
        new("II.2.1", S("II.2.1"), 3),
        new("II.2.2", S("II.2.2"), 3),
        new("II.2.3", "2.3. Kết quả thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC", 3),
        new("II.2.3.1", S("II.2.3.1"), 4),
        new("II.2.3.2", S("II.2.3.2"), 4),
        new("II.2.3.3", "2.3.3. Tổng hợp, cập nhật kết quả giải quyết hồ sơ TTHC tại cơ quan, đơn vị.", 4),
        new("II.2.3.4", S("II.2.3.4"), 4),
        new("II.2.3.5", S("II.2.3.5"), 4),
        new("II.3", S("II.3"), 2),
        new("II.4", S("II.4"), 2),
        new("II.5", S("II.5"), 2),
        new("II.6", S("II.6"), 2),
        new("III", "III. ĐÁNH GIÁ CHUNG", 1),
        new("III.1", S("III.1"), 2),
        new("III.2", S("III.2"), 2),
        new("IV", S("IV"), 1),
        new("V", S("V"), 1),
    ];

    public static ReportSection? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);

    private static string S(string key) => Find(key)!.Heading;

    /// <summary>
    /// The paragraphs that print the computed figures (<see cref="ReportFigures"/>) under their headings, worded as Lạng Sơn's
    /// reports word them (seed 001, lines 55, 75–162 and 196): no figure is written here, only where each goes and how it is printed.
    /// </summary>
    public static readonly IReadOnlyList<TemplateParagraph> Paragraphs =
    [
        new("II.2.2", "Có {Procedures.Active:00} TTHC thuộc thẩm quyền quản lý và giải quyết của UBND {Report.UnitKind}."),
        new("II.2.3.2", "Tính đến nay, UBND {Report.UnitKind} đã số hóa được {Dossiers.DigitisedToDate}/{Dossiers.ReceivedToDate} hồ sơ " +
            "đạt tỷ lệ {Dossiers.DigitisedToDateRate:%}."),
        new("II.2.3.3", "- Từ ngày {Report.WindowFrom} đến ngày {Report.WindowTo}: Đã tiếp nhận {Dossiers.Received:00} hồ sơ (trong đó: " +
            "{Dossiers.ReceivedOnline:00} hồ sơ trực tuyến, {Dossiers.ReceivedInPerson:00} hồ sơ trực tiếp); Hồ sơ từ kỳ trước chuyển sang: " +
            "{Dossiers.CarriedOver:00} hồ sơ. Đã xử lý: {Dossiers.Resolved:00} hồ sơ (trong đó: hồ sơ trước hạn: {Dossiers.ResolvedEarlyOrOnTime:00} hồ sơ, " +
            "hồ sơ quá hạn: {Dossiers.ResolvedLate:00} hồ sơ); TTHC đang giải quyết là {Dossiers.Pending:00} hồ sơ (trong đó: hồ sơ trong hạn: " +
            "{Dossiers.PendingWithinDeadline:00} hồ sơ, hồ sơ quá hạn: {Dossiers.PendingOverdue:00} hồ sơ); {Dossiers.NotEligible:00} hồ sơ không " +
            "đủ điều kiện giải quyết."),
        new("II.2.3.4", "Từ {Report.WindowFrom} đến nay, UBND {Report.UnitKind} tiếp nhận {Feedback.ReceivedToDate:00} kiến nghị, phản ánh " +
            "về công tác giải quyết TTHC.", ZeroFigure: "Feedback.ReceivedToDate",
            ZeroText: "Từ {Report.WindowFrom} đến nay, UBND {Report.UnitKind} không tiếp nhận kiến nghị, phản ánh nào về công tác giải quyết TTHC."),
        new("II.2.3.5", "Kết quả thực hiện việc đánh giá chất lượng giải quyết TTHC: Có {Ratings.Total:00} lượt công dân thực hiện đánh giá " +
            "mức độ hài lòng, trong đó: có {Ratings.VerySatisfied:00}/{Ratings.Total:00} lượt đánh giá “Rất hài lòng”, đạt tỷ lệ " +
            "{Ratings.VerySatisfiedRate:%}; {Ratings.Satisfied:00}/{Ratings.Total:00} đánh giá “Hài lòng”, đạt tỷ lệ {Ratings.SatisfiedRate:%}."),
        new("II.2.3.5", "Có {Ratings.NotSatisfied:00}/{Ratings.Total:00} lượt đánh giá “Không hài lòng”.", ZeroFigure: "Ratings.NotSatisfied", ZeroText: ""),
        new("II.3", "UBND {Report.UnitKind} tiếp tục duy trì ổn định bộ máy hành chính của {Report.UnitKind} với {Agencies.Administrative:00} cơ quan " +
            "chuyên môn ({Agencies.AdministrativeNames}), {Agencies.PublicService:00} đơn vị sự nghiệp công lập ({Agencies.PublicServiceNames}).",
            ZeroFigure: "Agencies.PublicService", ZeroText: "UBND {Report.UnitKind} tiếp tục duy trì ổn định bộ máy hành chính của {Report.UnitKind} với " +
            "{Agencies.Administrative:00} cơ quan chuyên môn ({Agencies.AdministrativeNames})."),
        new("II.3", "Tình hình quản lý, sử dụng biên chế công chức, viên chức: UBND {Report.UnitKind} được {Staffing.QuotaWord} biên chế: " +
            "{Staffing.Quota:00} chỉ tiêu (trong đó: biên chế cán bộ, công chức: {Staffing.QuotaCivilServants:00} chỉ tiêu; biên chế sự nghiệp: " +
            "{Staffing.QuotaPublicEmployees:00} chỉ tiêu (trong đó: {Staffing.QuotaBudgetPaid:00} chỉ tiêu hưởng lương từ ngân sách nhà nước, " +
            "{Staffing.QuotaSelfPaid:00} chỉ tiêu hưởng lương từ nguồn thu sự nghiệp))."),
        new("II.3", "Biên chế hiện có: {Staffing.Headcount:00} người (trong đó: công chức hành chính: tính đến ngày {Staffing.HeadcountAsOf} có " +
            "{Staffing.HeadcountCivilServants:00} người (không bao gồm LLVT), viên chức sự nghiệp: {Staffing.HeadcountPublicEmployees:00} người)."),
        new("II.4", "Kết quả thực hiện tuyển dụng công chức, viên chức: Trong {Report.Period}, tuyển dụng {Staffing.RecruitedCivilServants:00} " +
            "công chức, {Staffing.RecruitedPublicEmployees:00} viên chức."),
        new("II.4", "Trong {Report.Period}, có {Staffing.TransferredToCivilService:00} viên chức xét chuyển sang công chức.",
            ZeroFigure: "Staffing.TransferredToCivilService", ZeroText: ""),
        new("II.4", "Kết quả thực hiện thi nâng ngạch công chức, thăng hạng viên chức: có {Staffing.PromotionRegistrations:00} chỉ tiêu đăng ký " +
            "xét thăng hạng viên chức."),
        new("II.4", "Tình hình chấp hành kỷ luật, kỷ cương hành chính: có {Staffing.Disciplined:00} trường hợp cán bộ, công chức, viên chức " +
            "bị xử lý kỷ luật.", ZeroFigure: "Staffing.Disciplined",
            ZeroText: "Tình hình chấp hành kỷ luật, kỷ cương hành chính: Không có trường hợp cán bộ, công chức, viên chức bị xử lý kỷ luật."),
        new("II.5", "Kết quả thực hiện các quy định về quản lý tài chính - ngân sách: tổng thu ngân sách trên địa bàn lũy kế từ đầu năm " +
            "đến thời điểm báo cáo là {Finance.Revenue:tr} triệu đồng, bằng {Finance.RevenueVsProvince:%} dự toán tỉnh giao, bằng " +
            "{Finance.RevenueVsOwn:%} dự toán {Report.UnitKind} phấn đấu."),
        new("II.5", "Thu tiền sử dụng đất đạt {Finance.LandFees:tr} triệu đồng (bằng {Finance.LandFeesVsProvince:%} dự toán tỉnh giao, bằng " +
            "{Finance.LandFeesVsOwn:%} dự toán {Report.UnitKind} phấn đấu)."),
        new("II.5", "Chi NSNN lũy kế đến thời điểm báo cáo là {Finance.Expenditure:tr} triệu đồng bằng {Finance.ExpenditureVsProvince:%} dự toán " +
            "tỉnh giao, bằng {Finance.ExpenditureVsOwn:%} dự toán {Report.UnitKind} giao."),
        new("II.5", "Kết quả thực hiện Kế hoạch giải ngân vốn đầu tư công: Tính đến ngày {Finance.PreviousDisbursementAsOf}, {Report.UnitName} đã " +
            "thực hiện giải ngân năm {Finance.PreviousYear} là: {Finance.Previous.Disbursed:tr} triệu đồng (đạt " +
            "{Finance.Previous.DisbursementRate:%} vốn cấp trên giao{Finance.Previous.VersusTarget}). Trong đó: vốn NSTW ({Finance.Previous.nstw.Disbursed:tr}/" +
            "{Finance.Previous.nstw.Plan:tr} triệu đồng, đạt {Finance.Previous.nstw.DisbursementRate:%1}); vốn NSDP " +
            "({Finance.Previous.nsdp.Disbursed:tr}/{Finance.Previous.nsdp.Plan:tr} triệu đồng, đạt {Finance.Previous.nsdp.DisbursementRate:%1})."),
        new("II.5", "Năm {Finance.CapitalYear}, tổng kế hoạch vốn giao là {Finance.CapitalPlan:tr} triệu đồng, trong đó vốn NSTW là " +
            "{Finance.CapitalPlan.nstw:tr} triệu đồng, NSDP là {Finance.CapitalPlan.nsdp:tr} triệu đồng."),
        new("II.5", "Kết quả thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước: có {Finance.AuditRecommendations:00} kiến nghị, " +
            "phải nộp {Finance.AuditToRemit:tr} triệu đồng, đã nộp {Finance.AuditRemitted:tr} triệu đồng (đạt {Finance.AuditRemittanceRate:%1}).",
            ZeroFigure: "Finance.AuditRecommendations",
            ZeroText: "Kết quả thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước: không phát sinh."),
        new("II.5", "Công tác tổng kiểm kê tài sản công: Đã thực hiện đăng ký {Assets.RegisteredTypes:00} loại tài sản/tổng số " +
            "{Assets.AssetTypes:00} loại tài sản kiểm kê. Tổng số đơn vị thuộc phạm vi quản lý thuộc đối tượng kiểm kê là {Assets.Subjects:00} đơn vị, " +
            "{Assets.Registered:00}/{Assets.Subjects:00} đơn vị đã thực hiện thành lập Tổ kiểm kê, đăng ký đối tượng kiểm kê. Thời gian các đơn vị " +
            "thực hiện gửi báo cáo trên phần mềm Tổng kiểm kê là trước {Assets.ReportDeadline:d}."),
        new("II.5", "Kết quả thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập: Đến thời điểm hiện tại, có {Autonomy.Units:00} " +
            "đơn vị sự nghiệp công lập đã được phê duyệt phương án tự chủ tài chính trong đó:"),
        new("II.5", "- Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư: {Autonomy.SelfFundingRecurrentAndInvestment:kc}"),
        new("II.5", "- Số ĐVSN tự bảo đảm chi thường xuyên: {Autonomy.SelfFundingRecurrent:kc}"),
        new("II.5", "- Số ĐVSN tự bảo đảm một phần chi thường xuyên", Requires: "Autonomy.Units"),
        new("II.5", "+ Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên: {Autonomy.MostlySelfFunding:kc}"),
        new("II.5", "+ Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên: {Autonomy.HalfSelfFunding:kc}"),
        new("II.5", "+ Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên: {Autonomy.PartlySelfFunding:kc}"),
        new("II.5", "- Số ĐVSN do Nhà nước bảo đảm chi thường xuyên: {Autonomy.StateFunded:kc}"),
        new("II.6", "Trong kỳ báo cáo (từ ngày {Report.WindowFrom} đến ngày {Report.WindowTo}): Đã tiếp nhận {Dossiers.ReceivedOnline:00} hồ sơ " +
            "TTHC trực tuyến. (Có phụ lục I kèm theo)"),
    ];
}
