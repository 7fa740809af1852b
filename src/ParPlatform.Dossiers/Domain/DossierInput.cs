using System.Text.RegularExpressions;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// A new dossier as the desk writes it: the procedure's code, the channel ("online" registers it
/// for the desk to receive; "in-person" and "postal" are received at once), the applicant's
/// reference (receipt or lookup code, no personal data), optionally the id it has in another
/// system, and whether its papers were digitised.
/// </summary>
public sealed partial record DossierInput(string? ProcedureCode, string? Channel, string? ApplicantReference, string? ExternalId, bool? Digitised)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.RequireText("procedureCode", ProcedureCode, ProcedureInput.MaxCodeLength);
        if (EnumNames.Parse<DossierChannel>(Channel) is null)
            errors.Add("channel", "Kênh nộp là \"online\" (trực tuyến), \"in-person\" (trực tiếp) hoặc \"postal\" (bưu chính).");
        errors.RequireText("applicantReference", ApplicantReference, Dossier.MaxReferenceLength);
        if (ExternalId is not null && !ExternalIdPattern().IsMatch(ExternalId))
            errors.Add("externalId", "Mã ở hệ thống khác gồm 1–100 chữ, số, dấu chấm, gạch ngang, gạch dưới hoặc gạch chéo.");
        return errors;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._/-]{1,100}$")]
    public static partial Regex ExternalIdPattern();
}

/// <summary>An action's details: a note (the reason, required to refuse, request supplements or return), and flags.</summary>
public sealed record ActionInput(string? Note, bool? ElectronicResult, bool? PaidOnline);

/// <summary>An apology letter: why, and the new date promised (yyyy-MM-dd, after the due date).</summary>
public sealed record ApologyInput(string? Reason, string? NewDueDate);

/// <summary>A rating: "very-satisfied", "satisfied" or "not-satisfied".</summary>
public sealed record RatingInput(string? Rating);
