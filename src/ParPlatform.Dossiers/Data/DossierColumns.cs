using Npgsql;
using NpgsqlTypes;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

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

    /// <summary>
    /// The columns a written dossier's event record is read from (<see cref="ReadRecorded"/>), in that order: the import reads
    /// them back from its INSERT with Npgsql, as materialising a million <see cref="Dossier"/> entities through EF took 8 of
    /// its 53 s (bench/, 2026-12-05). Reads what <see cref="Dossier.Recorded"/> gives from the entity; a test holds the two equal.
    /// </summary>
    public const string RecordedNames =
        "id, procedure_code, field, channel, received_at, due_at, paused_at, finished_at, timeliness, return_reason, " +
        "electronic_result, digitised, has_fee, paid_online, apology_issued_at, rating, rated_at";

    /// <summary>The event record of the dossier at <paramref name="row"/>'s current row, whose columns are <see cref="RecordedNames"/>.</summary>
    public static RecordedDossier ReadRecorded(NpgsqlDataReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RecordedDossier
        {
            DossierId = row.GetGuid(0), ProcedureCode = row.GetString(1), Field = row.GetString(2),
            Channel = EnumNames.FromStored<DossierChannel>(row.GetString(3)),
            ReceivedAt = Time(row, 4), DueAt = Time(row, 5), PausedAt = Time(row, 6), FinishedAt = Time(row, 7),
            Timeliness = row.IsDBNull(8) ? null : Dossier.ToContract(EnumNames.FromStored<Timeliness>(row.GetString(8))),
            ReturnReason = row.IsDBNull(9) ? null : EnumNames.FromStored<DossierReturnReason>(row.GetString(9)),
            ElectronicResult = row.GetBoolean(10), Digitised = row.GetBoolean(11), HasFee = row.GetBoolean(12), PaidOnline = row.GetBoolean(13),
            ApologyIssuedAt = Time(row, 14),
            Rating = row.IsDBNull(15) ? null : EnumNames.FromStored<DossierRating>(row.GetString(15)),
            RatedAt = Time(row, 16),
        };
    }

    private static DateTimeOffset? Time(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
