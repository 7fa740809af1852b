namespace ParPlatform.SharedKernel.Indicators;

/// <summary>
/// How an indicator is obtained: <see cref="Computed"/> from a service's own data, or <see cref="Entered"/> by the unit
/// for a period, with its numerator, denominator and evidence.
/// </summary>
public enum IndicatorSource
{
    Computed,
    Entered,
}

/// <summary>
/// What an indicator's value is: a <see cref="Rate"/> in percent (numerator ÷ denominator; "trên 100%" can be
/// written, so it has no upper bound), a <see cref="Count"/> (a whole number, never negative), or a
/// <see cref="Change"/> in percent against a baseline (negative for a decrease).
/// </summary>
public enum IndicatorMeasure
{
    Rate,
    Count,
    Change,
}

/// <param name="Code">"Dossiers.OnTimeRate": the owning area of data, a dot, the name.</param>
/// <param name="Name">What it is, in Vietnamese.</param>
/// <param name="Service">The service that computes it, or whose data the unit enters it about.</param>
public sealed record Indicator(string Code, string Name, IndicatorSource Source, IndicatorMeasure Measure, string Service);

/// <summary>
/// The one list of indicators every service names (DOMAIN.md section 7, and the entered indicators that the seed plans'
/// targets need, INVENTORY.md section 3). Plans own the targets that name them; reporting evaluates them.
/// </summary>
public static class IndicatorCatalogue
{
    private static Indicator C(string code, string name, string service, IndicatorMeasure measure = IndicatorMeasure.Rate) =>
        new(code, name, IndicatorSource.Computed, measure, service);

    private static Indicator E(string code, string name, string service, IndicatorMeasure measure = IndicatorMeasure.Rate) =>
        new(code, name, IndicatorSource.Entered, measure, service);

    public static readonly IReadOnlyList<Indicator> All =
    [
        C("Dossiers.OnTimeRate", "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn", "dossiers"),
        C("Dossiers.OnlineRate", "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "dossiers"),
        C("Dossiers.ElectronicResultRate", "Tỷ lệ cấp kết quả giải quyết TTHC điện tử", "dossiers"),
        C("Dossiers.DigitisationRate", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "dossiers"),
        C("Dossiers.SatisfactionRate", "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC", "dossiers"),
        C("Dossiers.OnlinePaymentRate", "Tỷ lệ thanh toán trực tuyến", "dossiers"),
        C("Dossiers.DataReuseRate", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "dossiers"),
        C("Dossiers.ApologyCoverage", "Tỷ lệ hồ sơ trễ hẹn được xin lỗi", "dossiers"),
        C("Feedback.OnTimeRate", "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", "dossiers"),
        C("Finance.DisbursementRate", "Tỷ lệ giải ngân vốn đầu tư công", "finance"),
        C("Finance.RevenueVsEstimate", "Thu ngân sách so với dự toán", "finance"),
        C("Finance.AuditRemittanceRate", "Tỷ lệ nộp NSNN theo kiến nghị thanh tra, kiểm tra, kiểm toán", "finance"),
        C("Staffing.QuotaUse", "Sử dụng biên chế so với số được giao", "staffing"),
        C("Staffing.BudgetPaidChangeVsBaseline", "Biến động biên chế hưởng lương từ NSNN so với năm gốc", "staffing", IndicatorMeasure.Change),
        C("Staffing.Vacancies", "Số biên chế được giao chưa sử dụng", "staffing", IndicatorMeasure.Count),
        C("Staffing.UniversityDegreeRate", "Tỷ lệ cán bộ, công chức, viên chức có trình độ đại học trở lên", "staffing"),
        C("Staffing.DisciplinedLeaders", "Số lãnh đạo bị kỷ luật từ khiển trách trở lên", "staffing", IndicatorMeasure.Count),
        C("Staffing.TrainingPlanCompletion", "Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng", "staffing"),
        C("Staffing.JobPositionSchemesReviewedRate", "Tỷ lệ đề án vị trí việc làm được rà soát", "staffing"),
        C("Plans.TaskCompletionRate", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "plans"),
        C("Plans.ProvinceAssignedTaskCompletionRate", "Tỷ lệ nhiệm vụ tỉnh giao hoàn thành đúng hạn", "plans"),
        C("Reports.OnTimeSubmissionRate", "Tỷ lệ báo cáo gửi đúng hạn", "reporting"),

        E("LegalDocs.ProperProcedureRate", "Tỷ lệ VBQPPL ban hành đúng thẩm quyền, trình tự, thủ tục", "plans"),
        E("LegalDocs.DetailRegulationOnTimeRate", "Tỷ lệ văn bản quy định chi tiết được ban hành kịp thời", "plans"),
        E("LegalDocs.ReviewIssuesHandledRate", "Tỷ lệ vấn đề phát hiện qua rà soát, kiểm tra được xử lý", "plans"),
        E("LegalDocs.NationalDbUpdateRate", "Tỷ lệ văn bản được cập nhật trên Cơ sở dữ liệu quốc gia về pháp luật", "plans"),
        E("Inspections.IssuesHandledRate", "Tỷ lệ vấn đề phát hiện qua kiểm tra CCHC được xử lý", "plans"),
        E("Procedures.InternalPublishedRate", "Tỷ lệ TTHC nội bộ được công bố, công khai", "dossiers"),
        E("Procedures.PublishedRate", "Tỷ lệ TTHC được công khai đầy đủ, kịp thời", "dossiers"),
        E("Procedures.PublishedWithEProcessRate", "Tỷ lệ TTHC công bố kèm quy trình nội bộ, quy trình điện tử, biểu mẫu điện tử", "dossiers"),
        E("Procedures.OnlinePaymentAvailabilityRate", "Tỷ lệ DVCTT có nghĩa vụ tài chính được triển khai thanh toán trực tuyến", "dossiers"),
        E("Procedures.OnlineAvailabilityRate", "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến", "dossiers"),
        E("Procedures.FullOnlineAvailabilityRate", "Tỷ lệ TTHC đủ điều kiện được cung cấp DVCTT toàn trình", "dossiers"),
        E("Procedures.NationalPortalIntegrationRate", "Tỷ lệ DVCTT tích hợp trên Cổng DVC quốc gia", "dossiers"),
        E("Procedures.OneStopCoverageRate", "Tỷ lệ TTHC tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công", "dossiers"),
        E("Procedures.InterLevelCount", "Số TTHC, nhóm TTHC giải quyết liên thông giữa các cấp", "dossiers", IndicatorMeasure.Count),
        E("Dossiers.SyncedToNationalPortalRate", "Tỷ lệ hồ sơ TTHC đồng bộ, công khai trên Cổng DVC quốc gia", "dossiers"),
        E("Dossiers.OnProvincialSystemRate", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết TTHC tỉnh", "dossiers"),
        E("Feedback.HandledRate", "Tỷ lệ phản ánh, kiến nghị được xử lý hoặc kiến nghị xử lý", "dossiers"),
        E("Feedback.PublishedRate", "Tỷ lệ phản ánh, kiến nghị đã xử lý được công khai", "dossiers"),
        E("Identity.AgenciesConsolidatedRate", "Tỷ lệ cơ quan, đơn vị được kiện toàn đúng quy định", "identity"),
        E("Identity.MandateRegulatedRate", "Tỷ lệ cơ quan chuyên môn có quy định chức năng, nhiệm vụ", "identity"),
        E("Staffing.GradeStructureApprovedRate", "Tỷ lệ được phê duyệt cơ cấu ngạch, chức danh nghề nghiệp", "staffing"),
        E("Staffing.JobPositionComplianceRate", "Tỷ lệ cơ quan bố trí công chức theo vị trí việc làm", "staffing"),
        E("Staffing.ProperAppointmentRate", "Tỷ lệ lãnh đạo được bổ nhiệm đúng quy định", "staffing"),
        E("Staffing.StandardMetRate", "Tỷ lệ cán bộ, công chức đạt chuẩn", "staffing"),
        E("Finance.AdminBudgetViolations", "Số sai phạm về sử dụng kinh phí quản lý hành chính", "finance", IndicatorMeasure.Count),
        E("Finance.PsuInternalRulesRate", "Tỷ lệ ĐVSNCL có quy chế chi tiêu nội bộ và quản lý tài sản công", "finance"),
        E("Finance.PsuDirectSpendingChangeVsBaselinePeriod", "Biến động chi trực tiếp từ NSNN cho ĐVSNCL so với giai đoạn gốc", "finance", IndicatorMeasure.Change),
        E("Finance.AssetRulesIssuedRate", "Tỷ lệ cơ quan, đơn vị ban hành quy định quản lý, sử dụng tài sản công", "finance"),
        E("Finance.AssetDataComplianceRate", "Tỷ lệ cơ quan, đơn vị chuẩn hóa, cập nhật số liệu tài sản công", "finance"),
        E("EOffice.ElectronicDirectionRate", "Tỷ lệ hoạt động chỉ đạo, điều hành trên môi trường điện tử", "plans"),
        E("EOffice.OnlineWorkRecordRate", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "plans"),
        E("EOffice.UnifiedPlatformRate", "Tỷ lệ hoạt động quản trị nội bộ trên nền tảng thống nhất", "plans"),
        E("EOffice.ElectronicDocumentRate", "Tỷ lệ văn bản trao đổi dưới dạng điện tử, được ký số", "plans"),
        E("EOffice.ElectronicRecordRate", "Tỷ lệ hồ sơ được tạo, lưu giữ, chia sẻ dữ liệu điện tử", "plans"),
        E("Digital.EAuthenticationRate", "Tỷ lệ người dùng DVCTT được định danh, xác thực điện tử", "plans"),
        E("Digital.OpenDataAgenciesRate", "Tỷ lệ cơ quan nhà nước cung cấp dữ liệu mở", "plans"),
        E("Digital.CivilServantDigitalIdRate", "Tỷ lệ công chức được gắn định danh số", "plans"),
        E("Digital.SystemsConnectedRate", "Tỷ lệ hệ thống thông tin kết nối qua nền tảng tích hợp, chia sẻ dữ liệu", "plans"),
        E("Digital.CoCreatedServicesRate", "Tỷ lệ dịch vụ công mới có sự tham gia của doanh nghiệp, tổ chức, cá nhân", "plans"),
        E("Digital.SharedPlatformsInUseRate", "Tỷ lệ nền tảng số dùng chung được đưa vào sử dụng", "plans"),
        E("Survey.SipasSatisfaction", "Mức độ hài lòng với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)", "reporting"),
        E("Survey.HealthSatisfaction", "Mức độ hài lòng với dịch vụ khám, chữa bệnh công lập", "reporting"),
        E("Survey.EducationSatisfaction", "Mức độ hài lòng với dịch vụ giáo dục công lập", "reporting"),
        E("Plans.SocioEconomicTargetsMet", "Tỷ lệ hoàn thành chỉ tiêu phát triển kinh tế - xã hội", "plans"),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>The indicator of <paramref name="code"/> (exact, case-sensitive), or null.</summary>
    public static Indicator? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var indicator) ? indicator : null;
}
