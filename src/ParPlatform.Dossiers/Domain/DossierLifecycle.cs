using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Domain;

/// <summary>Where a dossier is in its handling (the status codes one-stop systems use nationwide).</summary>
public enum DossierStatus
{
    /// <summary>Registered online, not yet accepted by the desk.</summary>
    Registered,

    /// <summary>Tiếp nhận: accepted; the time limit runs from here.</summary>
    Received,

    /// <summary>Không được tiếp nhận: never received, not counted.</summary>
    Refused,

    Processing,

    /// <summary>Yêu cầu bổ sung: the clock stops until the applicant completes the papers.</summary>
    SupplementRequested,

    FeesRequested,

    WithdrawalRequested,

    /// <summary>Dừng xử lý: withdrawn by the applicant.</summary>
    Stopped,

    /// <summary>Trả lại: not eligible.</summary>
    ReturnedNotEligible,

    /// <summary>Đã xử lý xong.</summary>
    Resolved,

    /// <summary>Đã trả kết quả.</summary>
    ResultReturned,
}

/// <summary>What an officer does to a dossier; each is allowed from some states only.</summary>
public enum DossierAction
{
    Receive,
    Refuse,
    Start,
    RequestSupplement,
    Supplement,
    RequestFees,
    PayFees,
    RequestWithdrawal,
    Stop,
    ReturnNotEligible,
    Resolve,
    ReturnResult,
}

/// <summary>
/// The state machine of DOMAIN.md section 4: registered → received or refused → processing ⇄
/// supplement requested / fees requested; withdrawal requested → stopped; not eligible → returned;
/// processing → resolved → result returned.
/// </summary>
public static class DossierLifecycle
{
    private static readonly Dictionary<DossierAction, (DossierStatus[] From, DossierStatus To)> Moves = new()
    {
        [DossierAction.Receive] = ([DossierStatus.Registered], DossierStatus.Received),
        [DossierAction.Refuse] = ([DossierStatus.Registered], DossierStatus.Refused),
        [DossierAction.Start] = ([DossierStatus.Received], DossierStatus.Processing),
        [DossierAction.RequestSupplement] = ([DossierStatus.Processing], DossierStatus.SupplementRequested),
        [DossierAction.Supplement] = ([DossierStatus.SupplementRequested], DossierStatus.Processing),
        [DossierAction.RequestFees] = ([DossierStatus.Processing], DossierStatus.FeesRequested),
        [DossierAction.PayFees] = ([DossierStatus.FeesRequested], DossierStatus.Processing),
        [DossierAction.RequestWithdrawal] = (
            [DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.FeesRequested],
            DossierStatus.WithdrawalRequested),
        [DossierAction.Stop] = ([DossierStatus.WithdrawalRequested], DossierStatus.Stopped),
        [DossierAction.ReturnNotEligible] = (
            [DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested], DossierStatus.ReturnedNotEligible),
        [DossierAction.Resolve] = ([DossierStatus.Processing], DossierStatus.Resolved),
        [DossierAction.ReturnResult] = ([DossierStatus.Resolved], DossierStatus.ResultReturned),
    };

    /// <summary>Received and not finished: what the statistics count as pending.</summary>
    public static readonly IReadOnlySet<DossierStatus> Open = new HashSet<DossierStatus>
    {
        DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested,
        DossierStatus.FeesRequested, DossierStatus.WithdrawalRequested,
    };

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or null when it is not allowed there.</summary>
    public static DossierStatus? Next(DossierStatus from, DossierAction action) =>
        Moves.TryGetValue(action, out var move) && move.From.Contains(from) ? move.To : null;

    /// <summary>The actions allowed in <paramref name="status"/> (shown to the officer).</summary>
    public static IEnumerable<DossierAction> AllowedIn(DossierStatus status) =>
        Moves.Where(m => m.Value.From.Contains(status)).Select(m => m.Key);

    /// <summary>Vietnamese name of an action, for messages a person reads.</summary>
    public static string Describe(DossierAction action) => action switch
    {
        DossierAction.Receive => "tiếp nhận",
        DossierAction.Refuse => "từ chối tiếp nhận",
        DossierAction.Start => "bắt đầu xử lý",
        DossierAction.RequestSupplement => "yêu cầu bổ sung",
        DossierAction.Supplement => "ghi nhận đã bổ sung",
        DossierAction.RequestFees => "yêu cầu nộp phí, lệ phí",
        DossierAction.PayFees => "ghi nhận đã nộp phí, lệ phí",
        DossierAction.RequestWithdrawal => "ghi nhận đề nghị rút hồ sơ",
        DossierAction.Stop => "dừng xử lý",
        DossierAction.ReturnNotEligible => "trả lại hồ sơ không đủ điều kiện",
        DossierAction.Resolve => "ghi nhận đã xử lý xong",
        _ => "trả kết quả",
    };

    /// <summary>Vietnamese name of a state, for messages a person reads.</summary>
    public static string Describe(DossierStatus status) => status switch
    {
        DossierStatus.Registered => "đã đăng ký (chưa tiếp nhận)",
        DossierStatus.Received => "đã tiếp nhận",
        DossierStatus.Refused => "không được tiếp nhận",
        DossierStatus.Processing => "đang xử lý",
        DossierStatus.SupplementRequested => "chờ bổ sung",
        DossierStatus.FeesRequested => "chờ nộp phí, lệ phí",
        DossierStatus.WithdrawalRequested => "đề nghị rút hồ sơ",
        DossierStatus.Stopped => "đã dừng xử lý",
        DossierStatus.ReturnedNotEligible => "đã trả lại (không đủ điều kiện)",
        DossierStatus.Resolved => "đã xử lý xong",
        _ => "đã trả kết quả",
    };
}

/// <summary>An action the dossier's state does not allow: answered 409 naming the current state.</summary>
public sealed class IllegalTransitionException(DossierStatus current, DossierAction action)
    : Exception($"Hồ sơ đang ở trạng thái \"{DossierLifecycle.Describe(current)}\" ({EnumNames.Name(current)}): " +
        $"không thể {DossierLifecycle.Describe(action)} ({EnumNames.Name(action)}).")
{
    public DossierStatus Current { get; } = current;
}

