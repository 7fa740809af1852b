using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Dossiers.Domain;

/// <summary>One row of a dossier import file, its cells read (<see cref="DossierImport"/> says what each column holds).</summary>
public sealed record DossierImportRow(
    [RequiredColumn] string? ExternalId,
    [RequiredColumn] string? ProcedureCode,
    [RequiredColumn] string? Channel,
    [RequiredColumn] string? ApplicantReference,
    [RequiredColumn] DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string? Status,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? PausedAt,
    bool? ElectronicResult,
    bool? Digitised,
    bool? PaidOnline,
    string? Rating,
    DateTimeOffset? RatedAt);
