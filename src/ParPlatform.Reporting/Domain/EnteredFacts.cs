namespace ParPlatform.Reporting.Domain;

/// <summary>What an entered fact measures: a count ("10 cuộc") or a percentage ("100%").</summary>
public enum FactMeasure
{
    Count,
    Percent,
}

/// <summary>A figure of the report no service holds, typed by the unit for the period: its code, the heading it belongs under, what it is.</summary>
public sealed record FactDefinition(string Code, string SectionKey, string Label, FactMeasure Measure);

/// <summary>
/// The entered facts of a periodic report (seed 001's figures that come from no service: INVENTORY.md section 1 rows marked
/// "entered"), in the report's order: legal documents, communication, the one-stop desk, e-office, video meetings, the
/// website. A value may be a lower bound, as the reports print "trên 9.000".
/// </summary>
public static class EnteredFacts
{
    public static readonly IReadOnlyList<FactDefinition> All =
    [
        new("legal-documents-issued", "II.1.1", "Số văn bản QPPL được ban hành", FactMeasure.Count),
        new("communication-meetings", "II.1.3", "Số hội nghị tuyên truyền, phổ biến pháp luật (cuộc)", FactMeasure.Count),
        new("communication-participants", "II.1.3", "Số người tham gia hội nghị tuyên truyền", FactMeasure.Count),
        new("communication-posts", "II.1.3", "Số tin bài tuyên truyền được đăng tải", FactMeasure.Count),
        new("communication-directive-documents", "II.1.3", "Số văn bản chỉ đạo, điều hành được cập nhật (bài)", FactMeasure.Count),
        new("social-views", "II.1.3", "Lượt xem", FactMeasure.Count),
        new("social-followers", "II.1.3", "Lượt người theo dõi", FactMeasure.Count),
        new("social-reach", "II.1.3", "Lượt tiếp cận", FactMeasure.Count),
        new("social-interactions", "II.1.3", "Lượt tương tác", FactMeasure.Count),
        new("documents-to-amend", "II.1.4", "Số văn bản phải sửa đổi, bổ sung, hủy bỏ sau rà soát", FactMeasure.Count),
        new("desk-leaders", "II.2.3.1", "Bộ phận Một cửa: số lãnh đạo có phòng làm việc", FactMeasure.Count),
        new("desk-officers", "II.2.3.1", "Bộ phận Một cửa: số công chức có vị trí làm việc", FactMeasure.Count),
        new("desk-computers", "II.2.3.1", "Bộ phận Một cửa: số bộ máy tính", FactMeasure.Count),
        new("desk-scanners", "II.2.3.1", "Bộ phận Một cửa: số máy scan", FactMeasure.Count),
        new("desk-printers", "II.2.3.1", "Bộ phận Một cửa: số máy in", FactMeasure.Count),
        new("desk-eoffice-accounts-rate", "II.2.3.1", "Tỷ lệ lãnh đạo, công chức có tài khoản hệ thống quản lý văn bản", FactMeasure.Percent),
        new("desk-digitally-signed-rate", "II.2.3.1", "Tỷ lệ văn bản gửi dưới dạng điện tử có chữ ký số", FactMeasure.Percent),
        new("eoffice-accounts-rate", "II.6", "Tỷ lệ CBCCVC, người lao động có tài khoản hệ thống quản lý văn bản và điều hành", FactMeasure.Percent),
        new("eoffice-agencies-rate", "II.6", "Tỷ lệ cơ quan được triển khai hệ thống quản lý văn bản và điều hành", FactMeasure.Percent),
        new("eoffice-outgoing-electronic", "II.6", "Văn bản đi qua phần mềm", FactMeasure.Count),
        new("eoffice-incoming-electronic", "II.6", "Văn bản đến qua phần mềm", FactMeasure.Count),
        new("eoffice-outgoing-paper", "II.6", "Văn bản đi bằng giấy", FactMeasure.Count),
        new("eoffice-incoming-paper", "II.6", "Văn bản đến bằng giấy", FactMeasure.Count),
        new("electronic-documents-rate", "II.6", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử", FactMeasure.Percent),
        new("video-meetings", "II.6", "Số cuộc họp trực tuyến qua Hệ thống Hội nghị truyền hình", FactMeasure.Count),
        new("website-directive-documents", "II.6", "Số văn bản chỉ đạo, điều hành được cập nhật trên Trang thông tin điện tử", FactMeasure.Count),
        new("website-news", "II.6", "Số lượng tin, bài trên Trang thông tin điện tử", FactMeasure.Count),
    ];

    public static FactDefinition? Find(string code) => All.FirstOrDefault(f => f.Code == code);

    /// <summary>A value as the report prints it: "trên 9.000", "10", "100%", "98,75%" (a decimal comma only when there are decimals).</summary>
    public static string Print(FactDefinition fact, decimal value, bool atLeast)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var number = TemplateText.Number(value, 2);
        return $"{(atLeast ? "trên " : "")}{number}{(fact.Measure == FactMeasure.Percent ? "%" : "")}";
    }

    /// <summary>Why a value cannot be the fact's; null when it can.</summary>
    public static string? Problem(FactDefinition fact, decimal value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Measure switch
        {
            FactMeasure.Count when value < 0 || value != decimal.Truncate(value) || value > 100_000_000 => "Số đếm là số nguyên từ 0 đến 100.000.000.",
            FactMeasure.Percent when value < 0 || value > 100 || value != decimal.Round(value, 2) => "Tỷ lệ từ 0 đến 100, tối đa 2 chữ số thập phân.",
            _ => null,
        };
    }
}
