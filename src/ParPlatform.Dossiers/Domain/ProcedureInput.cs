using System.Text.RegularExpressions;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// A procedure as a client writes it (JSON body, or one row of an import file with the same column
/// names): code, name, field and timeLimit are required; timeLimitUnit is "days" (default) or "hours";
/// fee in đồng (default 0); onlineLevel "full", "partial" or "none" (default); interLevel and
/// active true or false (defaults false and true).
/// </summary>
public sealed partial record ProcedureInput(
    [RequiredColumn] string? Code, [RequiredColumn] string? Name, [RequiredColumn] string? Field, [RequiredColumn] decimal? TimeLimit,
    string? TimeLimitUnit, long? Fee, string? OnlineLevel, bool? InterLevel, bool? Active)
{
    public const int MaxCodeLength = 50;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Code is null || !CodePattern().IsMatch(Code))
            errors.Add("code", $"Mã thủ tục gồm 1–{MaxCodeLength} chữ, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ 1.001612).");
        errors.RequireText("name", Name, 500);
        errors.RequireText("field", Field);
        if (TimeLimit is not > 0)
            errors.Add("timeLimit", "Thời hạn giải quyết phải lớn hơn 0.");
        else if (TimeLimit > 1000)
            errors.Add("timeLimit", "Thời hạn giải quyết tối đa 1000.");
        if (ParseUnit(TimeLimitUnit) is null)
            errors.Add("timeLimitUnit", "Đơn vị thời hạn là \"days\" (ngày làm việc) hoặc \"hours\" (giờ làm việc).");
        if (Fee is < 0)
            errors.Add("fee", "Phí, lệ phí không được âm.");
        if (ParseOnlineLevel(OnlineLevel) is null)
            errors.Add("onlineLevel", "Mức độ trực tuyến là \"full\" (toàn trình), \"partial\" (một phần) hoặc \"none\".");
        return errors;
    }

    /// <summary>Writes a valid input onto a procedure (new or existing).</summary>
    public void ApplyTo(Procedure procedure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        procedure.Name = Name!.Trim();
        procedure.Field = Field!.Trim();
        procedure.TimeLimitAmount = TimeLimit!.Value;
        procedure.TimeLimitUnit = ParseUnit(TimeLimitUnit)!.Value;
        procedure.Fee = Fee ?? 0;
        procedure.OnlineLevel = ParseOnlineLevel(OnlineLevel)!.Value;
        procedure.InterLevel = InterLevel ?? false;
        procedure.Active = Active ?? true;
        procedure.UpdatedAt = now;
    }

    /// <summary>The unit a client wrote; "days" when it wrote none.</summary>
    private static TimeLimitUnit? ParseUnit(string? unit) =>
        string.IsNullOrEmpty(unit) ? SharedKernel.Calendar.TimeLimitUnit.WorkingDays : EnumNames.Parse<TimeLimitUnit>(unit);

    /// <summary>The online level a client wrote; "none" when it wrote none.</summary>
    private static OnlineLevel? ParseOnlineLevel(string? level) =>
        string.IsNullOrEmpty(level) ? Domain.OnlineLevel.None : EnumNames.Parse<OnlineLevel>(level);

    [GeneratedRegex(@"^[\p{L}\p{N}._-]{1,50}$")]
    private static partial Regex CodePattern();
}
