using ParPlatform.Contracts.Dossiers;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// Historical dossiers moved from a unit's old system (CSV with a header line, an Excel workbook with a
/// header row, or a JSON array of objects with the same names; read into <see cref="DossierImportRow"/>s), every
/// row checked before anything is written. Only received dossiers
/// are imported (they are what the statistics count), in their current state:
/// <list type="bullet">
/// <item>externalId, procedureCode, channel, applicantReference, receivedAt: required;</item>
/// <item>dueAt: the due instant; when empty, the procedure's time limit from receipt;</item>
/// <item>status: received (default), processing, supplement-requested (with pausedAt), fees-requested,
/// withdrawal-requested, or finished — resolved, result-returned, returned-not-eligible, stopped — with finishedAt;</item>
/// <item>electronicResult, digitised, paidOnline: true/false; rating with ratedAt, for a resolved dossier.</item>
/// </list>
/// Instants are ISO 8601 with an offset, or Vietnam time without one.
/// </summary>
public static class DossierImport
{
    private static readonly HashSet<DossierStatus> Importable =
    [
        .. DossierLifecycle.Open, DossierStatus.Resolved, DossierStatus.ResultReturned, DossierStatus.ReturnedNotEligible, DossierStatus.Stopped,
    ];

    /// <summary>
    /// The dossier of one row for a unit whose catalogue is <paramref name="procedures"/> (by code), or null after adding the
    /// row's problems. Each row is read alone, as it arrives; a file's repeated external ids are found once all its good rows
    /// are staged (<see cref="RepeatedExternalId"/>).
    /// </summary>
    public static Dossier? Read(
        int row, DossierImportRow values, IReadOnlyDictionary<string, Procedure> procedures, WorkingCalendar calendar, DateTimeOffset now,
        ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(problems);
        void Problem(string column, string reason) => problems.Add(row, column, reason);
        var before = problems.Count;

        var externalId = values.ExternalId;
        if (externalId is null || !DossierInput.ExternalIdPattern().IsMatch(externalId))
            Problem("externalId", "Bắt buộc: 1–100 chữ, số, dấu chấm, gạch ngang, gạch dưới hoặc gạch chéo.");
        var procedureCode = values.ProcedureCode;
        Procedure? procedure = null;
        if (procedureCode is null)
            Problem("procedureCode", "Bắt buộc.");
        else if (!procedures.TryGetValue(procedureCode, out procedure))
            Problem("procedureCode", $"Đơn vị không có thủ tục mã {procedureCode}; nhập danh mục thủ tục trước.");
        var channel = EnumNames.Parse<DossierChannel>(values.Channel);
        if (channel is null)
            Problem("channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\".");
        var reference = values.ApplicantReference;
        if (reference is null || reference.Length > Dossier.MaxReferenceLength)
            Problem("applicantReference", $"Bắt buộc, tối đa {Dossier.MaxReferenceLength} ký tự.");

        var receivedAt = values.ReceivedAt;
        var dueAt = values.DueAt;
        var finishedAt = values.FinishedAt;
        var pausedAt = values.PausedAt;
        var ratedAt = values.RatedAt;
        var electronicResult = values.ElectronicResult ?? false;
        var digitised = values.Digitised ?? false;
        var paidOnline = values.PaidOnline ?? false;

        var statusText = values.Status;
        var status = statusText is null ? DossierStatus.Received : EnumNames.Parse<DossierStatus>(statusText);
        if (status is null || !Importable.Contains(status.Value))
        {
            Problem("status", $"Trạng thái là một trong: {string.Join(", ", Importable.Select(EnumNames.Name))} " +
                "(chỉ nhập hồ sơ đã tiếp nhận).");
        }
        var finished = status is DossierStatus.Resolved or DossierStatus.ResultReturned or DossierStatus.ReturnedNotEligible or DossierStatus.Stopped;
        var resolved = status is DossierStatus.Resolved or DossierStatus.ResultReturned;

        if (receivedAt is null)
            Problem("receivedAt", "Bắt buộc.");
        if (receivedAt > now)
            Problem("receivedAt", "Thời điểm tiếp nhận ở tương lai.");
        if (finished && finishedAt is null)
            Problem("finishedAt", "Bắt buộc với hồ sơ đã kết thúc.");
        if (!finished && finishedAt is not null)
            Problem("finishedAt", "Hồ sơ chưa kết thúc thì để trống.");
        if (finishedAt < receivedAt)
            Problem("finishedAt", "Trước thời điểm tiếp nhận.");
        if (finishedAt > now)
            Problem("finishedAt", "Ở tương lai.");
        if (dueAt is not null && dueAt <= receivedAt)
            Problem("dueAt", "Hạn giải quyết phải sau thời điểm tiếp nhận.");
        if (status == DossierStatus.SupplementRequested && pausedAt is null)
            Problem("pausedAt", "Bắt buộc với hồ sơ chờ bổ sung.");
        if (status != DossierStatus.SupplementRequested && pausedAt is not null)
            Problem("pausedAt", "Chỉ ghi với hồ sơ chờ bổ sung.");
        if (pausedAt < receivedAt || pausedAt > now)
            Problem("pausedAt", "Phải trong khoảng từ tiếp nhận đến nay.");
        var ratingText = values.Rating;
        var rating = ratingText is null ? null : EnumNames.Parse<DossierRating>(ratingText);
        if (ratingText is not null && rating is null)
            Problem("rating", "Mức đánh giá là \"very-satisfied\", \"satisfied\" hoặc \"not-satisfied\".");
        if (rating is not null && !resolved)
            Problem("rating", "Chỉ hồ sơ đã xử lý xong mới có đánh giá.");
        if ((ratingText is null) != (ratedAt is null))
            Problem(ratingText is null ? "rating" : "ratedAt", "Ghi cả mức đánh giá và thời điểm đánh giá, hoặc bỏ trống cả hai.");
        if (ratedAt < finishedAt || ratedAt > now)
            Problem("ratedAt", "Phải trong khoảng từ khi xử lý xong đến nay.");

        if (procedure is not null && receivedAt is not null && dueAt is null)
        {
            try
            {
                dueAt = calendar.DueAt(receivedAt.Value, procedure.TimeLimit);
            }
            catch (UnknownCalendarYearException e)
            {
                Problem("receivedAt", e.Message);
            }
        }
        if (problems.Count > before)
            return null;

        return Dossier.Import(procedure!, channel!.Value, reference!, externalId!, digitised,
            new ImportedState(status!.Value, receivedAt!.Value, dueAt!.Value, pausedAt, finishedAt, electronicResult, paidOnline, rating, ratedAt), now);
    }

    /// <summary>The problem of a good row whose external id an earlier good row of the file has.</summary>
    public static ImportProblem RepeatedExternalId(int row, string externalId, int firstRow) =>
        new(row, "externalId", $"Mã {externalId} đã có ở dòng {firstRow}.");
}
