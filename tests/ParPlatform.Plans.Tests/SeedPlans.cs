using System.Globalization;
using ParPlatform.Plans.Domain;

namespace ParPlatform.Plans.Tests;

/// <summary>The four seed plans (../shared/seeds 000, 002, 003, 004; INVENTORY.md §3) as a client enters them.</summary>
public static class SeedPlans
{
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "d/M/yyyy", CultureInfo.InvariantCulture);

    private static TargetInput T(string? area, string text, string? indicator = null, string? comparator = null, decimal? threshold = null,
        string? phase = null, string? field = null, string? channel = null, string? code = null) =>
        new(code, area, text, indicator, comparator, threshold, phase, field, channel, null);

    private static readonly LegalBasisInput Nq76 = new("76/NQ-CP", D("15/7/2021"), "Chính phủ",
        "Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030");

    private static readonly LegalBasisInput Nq60 = new("60-NQ/TU", D("15/12/2021"), "Ban Thường vụ Tỉnh ủy Lạng Sơn",
        "Về cải cách hành chính, trọng tâm là cải cách thủ tục hành chính");

    /// <summary>Seed 000: Tam Thanh ward's 2026 plan, its 3 legal bases and 13 measurable targets (and two that are not).</summary>
    public static PlanInput TamThanh() => new(
        "UBND phường Tam Thanh", "Kế hoạch cải cách hành chính năm 2026", 2026, 2026, [], "KH-UBND", false,
        [Nq76, Nq60, new("29/KH-UBND", D("30/01/2026"), "UBND tỉnh Lạng Sơn", "Kế hoạch cải cách hành chính tỉnh Lạng Sơn năm 2026")],
        "Nâng cao Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) của phường.", "Các cơ quan, đơn vị xây dựng kế hoạch của mình xong trước ngày 28/02/2026.",
        D("28/02/2026"), null, null,
        [
            T(null, "Hoàn thành 100% nhiệm vụ đề ra trong Kế hoạch CCHC năm 2026", "Plans.TaskCompletionRate", "equal", 100),
            T("institutions", "100% VBQPPL do HĐND, UBND phường ban hành đúng thẩm quyền, trình tự, thủ tục", "LegalDocs.ProperProcedureRate", "equal", 100),
            T("institutions", "100% văn bản được giao quy định chi tiết được ban hành kịp thời", "LegalDocs.DetailRegulationOnTimeRate", "equal", 100),
            T("institutions", "Rà soát, hệ thống hóa VBQPPL theo quy định"),
            T("institutions", "100% các vấn đề phát hiện qua rà soát, kiểm tra thi hành pháp luật được xử lý", "LegalDocs.ReviewIssuesHandledRate", "equal", 100),
            T("procedures", "Tỷ lệ cấp kết quả giải quyết TTHC điện tử đạt 100%", "Dossiers.ElectronicResultRate", "equal", 100),
            T("procedures", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa đạt tối thiểu 80%", "Dossiers.DataReuseRate", "at-least", 80),
            T("procedures", "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn đạt 100%", "Feedback.OnTimeRate", "equal", 100),
            T("procedures", "Mức độ hài lòng của người dân, doanh nghiệp đạt tối thiểu 90%", "Dossiers.SatisfactionRate", "at-least", 90),
            T("civil-service", "Rà soát, đề nghị điều chỉnh phê duyệt 100% Đề án vị trí việc làm", "Staffing.JobPositionSchemesReviewedRate", "equal", 100),
            T("civil-service", "Đào tạo, bồi dưỡng cán bộ, công chức theo chỉ tiêu kế hoạch của tỉnh"),
            T("public-finance", "Phấn đấu giải ngân hết 100% kế hoạch vốn đầu tư công được giao", "Finance.DisbursementRate", "at-least", 100),
            T("digital-government", "100% các hoạt động chỉ đạo, điều hành được thực hiện trên môi trường điện tử (trừ nội dung mật)", "EOffice.ElectronicDirectionRate", "equal", 100),
            T("digital-government", "100% hồ sơ công việc được xử lý trực tuyến và sử dụng chữ ký số chuyên dùng (trừ nội dung mật)", "EOffice.OnlineWorkRecordRate", "equal", 100),
            T("digital-government", "100% hồ sơ, kết quả giải quyết TTHC có giá trị tái sử dụng được số hóa", "Dossiers.DigitisationRate", "equal", 100),
        ],
        []);

    /// <summary>Seed 003: Chi Lăng commune's 2026–2030 plan, 6 legal bases, two phases, its targets (some for one phase only).</summary>
    public static PlanInput ChiLang() => new(
        "UBND xã Chi Lăng", "Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030", 2026, 2030,
        [new("2026 - 2027", 2026, 2027), new("2028 - 2030", 2028, 2030)], "KH-UBND", false,
        [
            Nq76,
            new("282/QĐ-TTg", D("12/02/2026"), "Thủ tướng Chính phủ", "Kế hoạch cải cách hành chính nhà nước trọng tâm giai đoạn 2026-2030"),
            Nq60,
            new("238-KH/TU", D("23/5/2025"), "Tỉnh ủy Lạng Sơn", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"),
            new("145/KH-UBND", D("28/5/2025"), "UBND tỉnh Lạng Sơn", "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 và Kế hoạch số 238-KH/TU"),
            new("110/KH-UBND", D("25/3/2026"), "UBND tỉnh Lạng Sơn", "Kế hoạch cải cách hành chính giai đoạn 2026-2030"),
        ],
        "Các nhiệm vụ bao gồm đầy đủ 06 lĩnh vực CCHC.", null, null, null, null,
        [
            T("institutions", "100% VBQPPL của xã được hoàn thiện đồng bộ, phù hợp", "LegalDocs.ProperProcedureRate", "equal", 100),
            T("procedures", "100% TTHC có đủ điều kiện được cung cấp DVCTT toàn trình trên Cổng DVC quốc gia", "Procedures.FullOnlineAvailabilityRate", "equal", 100, "2026 - 2027"),
            T("procedures", "Tỷ lệ kết quả giải quyết TTHC điện tử đạt 100%", "Dossiers.ElectronicResultRate", "equal", 100, "2026 - 2027"),
            T("procedures", "95% người dân, doanh nghiệp đánh giá hài lòng khi sử dụng DVCTT", "Dossiers.SatisfactionRate", "at-least", 95, "2026 - 2027", channel: "trực tuyến"),
            T("procedures", "Mức độ hài lòng của người dân, doanh nghiệp đạt tối thiểu 95%", "Dossiers.SatisfactionRate", "at-least", 95, "2028 - 2030"),
            T("procedures", "Mức độ hài lòng trong lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%", "Dossiers.SatisfactionRate", "at-least", 90, "2028 - 2030", field: "đất đai, xây dựng, đầu tư"),
            T("procedures", "Tỷ lệ thanh toán trực tuyến trên Cổng DVC quốc gia trên tổng số giao dịch thanh toán đạt 80%", "Dossiers.OnlinePaymentRate", "at-least", 80, "2028 - 2030"),
            T("organization", "Giảm 10% biên chế sự nghiệp hưởng lương từ NSNN so với năm 2025", "Staffing.BudgetPaidChangeVsBaseline", "at-most", -10),
            T("organization", "Mức độ hài lòng đối với sự phục vụ của cơ quan hành chính nhà nước đạt tối thiểu 95%", "Survey.SipasSatisfaction", "at-least", 95),
            T("organization", "Mức độ hài lòng về dịch vụ khám, chữa bệnh công lập đạt tối thiểu 90%", "Survey.HealthSatisfaction", "at-least", 90),
            T("organization", "Mức độ hài lòng về dịch vụ giáo dục công lập đạt tối thiểu 90%", "Survey.EducationSatisfaction", "at-least", 90),
            T("civil-service", "Trên 100% cán bộ, công chức có trình độ đại học trở lên", "Staffing.UniversityDegreeRate", "greater-than", 100),
            T("civil-service", "70% viên chức có trình độ đại học trở lên", "Staffing.UniversityDegreeRate", "at-least", 70),
            T("civil-service", "100% cán bộ, công chức xã có trình độ từ đại học trở lên và được chuẩn hóa", "Staffing.StandardMetRate", "equal", 100),
            T("public-finance", "Giảm bình quân 7% chi trực tiếp từ NSNN cho ĐVSNCL so với giai đoạn 2021 - 2025", "Finance.PsuDirectSpendingChangeVsBaselinePeriod", "at-most", -7),
            T("digital-government", "100% các nền tảng số dùng chung được đưa vào sử dụng thống nhất", "Digital.SharedPlatformsInUseRate", "equal", 100, "2026 - 2027"),
            T("digital-government", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa đạt 90%", "Dossiers.DataReuseRate", "at-least", 90, "2028 - 2030"),
            T("digital-government", "100% cơ quan nhà nước cung cấp dữ liệu mở đúng chuẩn", "Digital.OpenDataAgenciesRate", "equal", 100, "2028 - 2030"),
        ],
        [
            new("3", "procedures", null, "Tiếp nhận, giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC tỉnh", null,
                "100% hồ sơ TTHC được tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết TTHC tỉnh", "Dossiers.OnProvincialSystemRate", "equal", 100,
                [new("phuc-vu-hcc", null, null)], [new(null, "all-agencies", null)], "", false, null),
        ]);

    /// <summary>Seed 004: Thanh Miện commune's 2026 plan, attached to a decision, 2 legal bases, 3 targets and its 31 lettered tasks.</summary>
    public static PlanInput ThanhMien() => new(
        "Chủ tịch UBND xã Thanh Miện", "Kế hoạch cải cách hành chính Nhà nước xã Thanh Miện năm 2026", 2026, 2026, [], "QĐ-UBND", true,
        [
            Nq76 with { Title = "Ban hành Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2021-2030" },
            new("5256/QĐ-UBND", D("26/12/2025"), "Chủ tịch UBND thành phố Hải Phòng", "Ban hành Kế hoạch Cải cách hành chính Nhà nước thành phố Hải Phòng năm 2026"),
        ],
        null, "Tiếp tục nâng cao chất lượng cải cách hành chính, chỉ số PARINDEX, chỉ số SIPAS.", null, null, null,
        [
            T("direction", "Hoàn thành 100% nhiệm vụ được UBND thành phố, Chủ tịch UBND thành phố giao", "Plans.ProvinceAssignedTaskCompletionRate", "equal", 100),
            T(null, "Hoàn thành, bảo đảm tiến độ, chất lượng 100% nhiệm vụ cụ thể trong Kế hoạch cải cách hành chính năm 2026 của xã", "Plans.TaskCompletionRate", "equal", 100),
            T("procedures", "100% hồ sơ TTHC được theo dõi trạng thái xử lý, đồng bộ với Cổng DVC quốc gia", "Dossiers.SyncedToNationalPortalRate", "equal", 100),
        ],
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Seeds", "004-tasks.tsv")).Skip(1).Select(line => line.Split('\t')).Select(cells =>
            new TaskInput(cells[0], cells[1], null, cells[2], null, null, null, null, null, [], [], "", false, null))]);

    /// <summary>Seed 002: Nam Gia Nghĩa ward's 2026 plan without its appendix (imported after), 4 legal bases and some of its body targets.</summary>
    public static PlanInput NamGiaNghia() => new(
        "UBND phường Nam Gia Nghĩa", "Kế hoạch cải cách hành chính năm 2026", 2026, 2026, [], "KH-UBND", false,
        [
            new("76/NQ-CP", D("15/7/2021"), "Chính phủ", "Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030"),
            new("23/CT-TTg", D("02/9/2021"), "Thủ tướng Chính phủ", "Về đẩy mạnh triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030"),
            new("118/2025/NĐ-CP", D("09/6/2025"), "Chính phủ", "Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"),
            new("128/SNV-CCHC&VTLT", D("17/7/2025"), "Sở Nội vụ tỉnh Lâm Đồng", "Hướng dẫn báo cáo công tác cải cách hành chính định kỳ"),
        ],
        null, null, null, null, null,
        [
            T("procedures", "Tỷ lệ giao dịch thanh toán trực tuyến đạt trên 90%", "Dossiers.OnlinePaymentRate", "greater-than", 90),
            T("procedures", "Từ 30 TTHC hoặc nhóm TTHC trở lên được giải quyết theo hình thức liên thông giữa các cấp", "Procedures.InterLevelCount", "at-least", 30, code: "3.2.3"),
            T("procedures", "Mức độ hài lòng trong lĩnh vực đất đai, xây dựng đạt tối thiểu 85%", "Dossiers.SatisfactionRate", "at-least", 85, field: "đất đai, xây dựng", code: "3.3.4"),
            T("public-finance", "Không có sai phạm về sử dụng kinh phí quản lý hành chính", "Finance.AdminBudgetViolations", "equal", 0),
            T("public-finance", "Phấn đấu vượt chỉ tiêu thu ngân sách được Chính phủ giao", "Finance.RevenueVsEstimate", "greater-than", 100),
        ],
        []);
}
