using System.Globalization;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Web;

/// <summary>How the application writes numbers, rates, dates and the APIs' names for a person: in Vietnamese (vi-VN).</summary>
public static class Vietnamese
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }

    /// <summary>1877 → "1.877".</summary>
    public static string Number(long value) => value.ToString("#,##0", Culture);

    /// <summary>A figure's number: 1877 → "1.877", 99.4263 → "99,43" (two decimals at most, a decimal comma only when needed).</summary>
    public static string Figure(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>99.43 → "99,43%"; "–" when there is nothing to compare with.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("#,##0.##", Culture) + "%" : "–";

    public static string Percent(Rate rate) => Percent(rate?.Percent);

    /// <summary>"05/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>An instant in Vietnam's time: "05/03/2026 14:30".</summary>
    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, Zone).ToString("dd/MM/yyyy HH:mm", Culture) : "";

    public static string Role(string role) => role switch
    {
        PlatformRoles.UnitOfficer => "Cán bộ đơn vị",
        PlatformRoles.UnitChairman => "Chủ tịch UBND",
        PlatformRoles.ProvinceReviewer => "Sở Nội vụ",
        PlatformRoles.PlatformAdmin => "Quản trị hệ thống",
        PlatformRoles.Operator => "Vận hành",
        _ => role,
    };

    /// <summary>The roles an administrator gives an account, in the order of the registry's form.</summary>
    public static readonly IReadOnlyList<string> Roles =
        [PlatformRoles.UnitOfficer, PlatformRoles.UnitChairman, PlatformRoles.ProvinceReviewer, PlatformRoles.PlatformAdmin, PlatformRoles.Operator];

    /// <summary>A unit's kind by its API name.</summary>
    public static string UnitKind(string kind) => kind switch
    {
        "ward" => "Phường",
        "commune" => "Xã",
        "special-zone" => "Đặc khu",
        _ => kind,
    };

    public static readonly IReadOnlyList<string> UnitKinds = ["ward", "commune", "special-zone"];

    /// <summary>A body's kind by its API name.</summary>
    public static string AgencyKind(string kind) => kind switch
    {
        "administrative" => "Cơ quan hành chính",
        "public-service" => "Đơn vị sự nghiệp công lập",
        "school" => "Trường học công lập",
        "police" => "Công an",
        "steering-committee" => "Ban chỉ đạo",
        "fatherland-front" => "MTTQ và các đoàn thể",
        "higher-level" => "Cơ quan Trung ương, tỉnh trên địa bàn",
        _ => kind,
    };

    public static readonly IReadOnlyList<string> AgencyKinds =
        ["administrative", "public-service", "school", "police", "steering-committee", "fatherland-front", "higher-level"];

    /// <summary>The days of a list: "01/01/2026, 16/02/2026".</summary>
    public static string Dates(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(Date));

    /// <summary>A dossier's status by its API name.</summary>
    public static string DossierStatus(string status) => status switch
    {
        "registered" => "Đã đăng ký (chưa tiếp nhận)",
        "received" => "Đã tiếp nhận",
        "refused" => "Không được tiếp nhận",
        "processing" => "Đang xử lý",
        "supplement-requested" => "Chờ bổ sung",
        "fees-requested" => "Chờ nộp phí, lệ phí",
        "withdrawal-requested" => "Đề nghị rút hồ sơ",
        "stopped" => "Dừng xử lý",
        "returned-not-eligible" => "Trả lại (không đủ điều kiện)",
        "resolved" => "Đã xử lý xong",
        "result-returned" => "Đã trả kết quả",
        _ => status,
    };

    /// <summary>The statuses in the order of the lifecycle, for the list's filter.</summary>
    public static readonly IReadOnlyList<string> DossierStatuses =
    [
        "registered", "received", "refused", "processing", "supplement-requested", "fees-requested", "withdrawal-requested", "stopped",
        "returned-not-eligible", "resolved", "result-returned",
    ];

    /// <summary>A lifecycle action by its API name, as its button says.</summary>
    public static string DossierAction(string action) => action switch
    {
        "receive" => "Tiếp nhận",
        "refuse" => "Từ chối tiếp nhận",
        "start" => "Bắt đầu xử lý",
        "request-supplement" => "Yêu cầu bổ sung",
        "supplement" => "Đã bổ sung",
        "request-fees" => "Yêu cầu nộp phí",
        "pay-fees" => "Đã nộp phí",
        "request-withdrawal" => "Đề nghị rút hồ sơ",
        "stop" => "Dừng xử lý",
        "return-not-eligible" => "Trả lại (không đủ điều kiện)",
        "resolve" => "Đã xử lý xong",
        "return-result" => "Trả kết quả",
        _ => action,
    };

    public static string Channel(string channel) => channel switch
    {
        "online" => "Trực tuyến",
        "in-person" => "Trực tiếp",
        "postal" => "Bưu chính",
        _ => channel,
    };

    public static readonly IReadOnlyList<string> Channels = ["in-person", "postal", "online"];

    public static string Timeliness(string? timeliness) => timeliness switch
    {
        "early" => "Trước hạn",
        "on-time" => "Đúng hạn",
        "late" => "Quá hạn",
        _ => "",
    };

    /// <summary>An applicant's rating of a dossier, by its API name.</summary>
    public static string Rating(string? rating) => rating switch
    {
        "very-satisfied" => "Rất hài lòng",
        "satisfied" => "Hài lòng",
        "not-satisfied" => "Không hài lòng",
        _ => rating ?? "",
    };

    public static readonly IReadOnlyList<string> Ratings = ["very-satisfied", "satisfied", "not-satisfied"];

    /// <summary>Feedback's status, by its API name.</summary>
    public static string FeedbackStatus(string status) => status switch
    {
        "received" => "Đã tiếp nhận",
        "forwarded" => "Đã chuyển xử lý",
        "resolved" => "Đã giải quyết",
        "published" => "Đã công khai",
        _ => status,
    };

    public static readonly IReadOnlyList<string> FeedbackStatuses = ["received", "forwarded", "resolved", "published"];

    /// <summary>A dossier import's status, by its API name.</summary>
    public static string ImportStatus(string status) => status switch
    {
        "queued" => "Đang chờ ghi",
        "writing" => "Đang ghi",
        "completed" => "Hoàn thành",
        "failed" => "Không thành công",
        _ => status,
    };

    public static readonly IReadOnlyList<string> ImportStatuses = ["queued", "writing", "completed", "failed"];

    public static string FeedbackChannel(string channel) => channel switch
    {
        "portal" => "Cổng dịch vụ công",
        "in-person" => "Trực tiếp",
        _ => channel,
    };

    public static readonly IReadOnlyList<string> FeedbackChannels = ["portal", "in-person"];

    /// <summary>A plan's status, by its API name.</summary>
    public static string PlanStatus(string status) => status switch
    {
        "draft" => "Dự thảo",
        "issued" => "Đã ban hành",
        "superseded" => "Đã được thay thế",
        _ => status,
    };

    /// <summary>A plan task's status, by its API name.</summary>
    public static string TaskStatus(string status) => status switch
    {
        "not-started" => "Chưa triển khai",
        "in-progress" => "Đang thực hiện",
        "done" => "Hoàn thành",
        "cancelled" => "Hủy",
        _ => status,
    };

    public static readonly IReadOnlyList<string> TaskStatuses = ["not-started", "in-progress", "done", "cancelled"];

    /// <summary>A PAR area (lĩnh vực CCHC), by its API name; "" for none.</summary>
    public static string Area(string? area) => area switch
    {
        "direction" => "Công tác chỉ đạo, điều hành CCHC",
        "institutions" => "Cải cách thể chế",
        "procedures" => "Cải cách thủ tục hành chính",
        "organization" => "Cải cách tổ chức bộ máy hành chính",
        "civil-service" => "Cải cách chế độ công vụ",
        "public-finance" => "Cải cách tài chính công",
        "digital-government" => "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "impact" => "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH",
        _ => area ?? "",
    };

    /// <summary>A group of bodies a task names (PlanParts.BodyGroup): "all-agencies" → "Các phòng, đơn vị thuộc UBND".</summary>
    public static string BodyGroup(string? group) => group switch
    {
        "all-agencies" => "Các phòng, đơn vị thuộc UBND",
        "related-agencies" => "Các phòng liên quan",
        "inspected-bodies" => "Các đơn vị được kiểm tra",
        _ => group ?? "",
    };

    /// <summary>A measurable target's comparison: "at-least" and 98 → "≥ 98".</summary>
    public static string Threshold(string? comparator, decimal? threshold) => comparator is null || threshold is not { } t
        ? ""
        : $"{comparator switch { "greater-than" => ">", "at-least" => "≥", "equal" => "=", "at-most" => "≤", "less-than" => "<", _ => comparator }} {Figure(t)}";

    /// <summary>A unit's report for the period, by the submissions' status.</summary>
    public static string Submission(string status) => status switch
    {
        "missing" => "Chưa gửi",
        "submitted" => "Đã gửi",
        "returned" => "Bị trả lại",
        "accepted" => "Đã tiếp nhận",
        "draft" => "Đang soạn",
        _ => status,
    };

    /// <summary>What a change between two versions of a report is about, from its path ("narrative[II.2.1].text" → "Nội dung mục II.2.1").</summary>
    public static string ChangedPart(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open)
            return path;
        var key = path[(open + 1)..close];
        return path[..open] switch
        {
            "narrative" => $"Nội dung mục {key}",
            "facts" => $"Số liệu nhập: {key}",
            "figures" => $"Số liệu tính toán: {key}",
            _ => path,
        };
    }

    /// <summary>A target against its indicator: "met", "not-met", "no-data".</summary>
    public static string TargetResult(string result) => result switch
    {
        "met" => "Đạt",
        "not-met" => "Không đạt",
        "no-data" => "Chưa có số liệu",
        _ => result,
    };
}
