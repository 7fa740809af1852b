using NpgsqlTypes;
using ParPlatform.Dossiers.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// The columns of <c>dossiers.dossiers</c> as the two Npgsql paths write a dossier — the import's
/// binary COPY into its staging table (<see cref="DossierImportStaging"/>, <see cref="DossierCopy"/>) and the
/// intake's INSERT (<see cref="DossierIntake"/>) — in one list, in the table's order and as EF maps them
/// (<see cref="DossiersDbContext"/>; <c>xmin</c> is the system's). A column added to <see cref="Dossier"/> is
/// added here once, and to <c>dossier_import_rows</c> in its migration.
/// </summary>
public static class DossierColumns
{
    public sealed record Column(string Name, NpgsqlDbType Type, Func<Dossier, object?> Value);

    public static readonly IReadOnlyList<Column> All =
    [
        new("id", NpgsqlDbType.Uuid, d => d.Id),
        new("unit_code", NpgsqlDbType.Varchar, d => d.UnitCode),
        new("province_code", NpgsqlDbType.Varchar, d => d.ProvinceCode),
        new("external_id", NpgsqlDbType.Varchar, d => d.ExternalId),
        new("procedure_code", NpgsqlDbType.Varchar, d => d.ProcedureCode),
        new("field", NpgsqlDbType.Varchar, d => d.Field),
        new("channel", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.Channel)),
        new("applicant_reference", NpgsqlDbType.Varchar, d => d.ApplicantReference),
        new("time_limit_amount", NpgsqlDbType.Numeric, d => d.TimeLimitAmount),
        new("time_limit_unit", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.TimeLimitUnit)),
        new("has_fee", NpgsqlDbType.Boolean, d => d.HasFee),
        new("status", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.Status)),
        new("registered_at", NpgsqlDbType.TimestampTz, d => d.RegisteredAt),
        new("received_at", NpgsqlDbType.TimestampTz, d => d.ReceivedAt),
        new("due_at", NpgsqlDbType.TimestampTz, d => d.DueAt),
        new("paused_at", NpgsqlDbType.TimestampTz, d => d.PausedAt),
        new("paused_time", NpgsqlDbType.Interval, d => d.PausedTime),
        new("supplement_requests", NpgsqlDbType.Integer, d => d.SupplementRequests),
        new("finished_at", NpgsqlDbType.TimestampTz, d => d.FinishedAt),
        new("timeliness", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.Timeliness)),
        new("return_reason", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.ReturnReason)),
        new("result_returned_at", NpgsqlDbType.TimestampTz, d => d.ResultReturnedAt),
        new("electronic_result", NpgsqlDbType.Boolean, d => d.ElectronicResult),
        new("digitised", NpgsqlDbType.Boolean, d => d.Digitised),
        new("paid_online", NpgsqlDbType.Boolean, d => d.PaidOnline),
        new("overdue_at", NpgsqlDbType.TimestampTz, d => d.OverdueAt),
        new("apology_issued_at", NpgsqlDbType.TimestampTz, d => d.ApologyIssuedAt),
        new("apology_reason", NpgsqlDbType.Varchar, d => d.ApologyReason),
        new("apology_new_due_date", NpgsqlDbType.Date, d => d.ApologyNewDueDate),
        new("apology_issued_by", NpgsqlDbType.Varchar, d => d.ApologyIssuedBy),
        new("apology_agency_code", NpgsqlDbType.Varchar, d => d.ApologyAgencyCode),
        new("rating", NpgsqlDbType.Varchar, d => EnumNames.Stored(d.Rating)),
        new("rated_at", NpgsqlDbType.TimestampTz, d => d.RatedAt),
        new("updated_at", NpgsqlDbType.TimestampTz, d => d.UpdatedAt),
    ];

    /// <summary>The column names in order: "id, unit_code, …".</summary>
    public static readonly string Names = string.Join(", ", All.Select(c => c.Name));
}
