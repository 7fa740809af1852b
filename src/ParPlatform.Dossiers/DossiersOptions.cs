using System.ComponentModel.DataAnnotations;
using ParPlatform.Dossiers.Data;

namespace ParPlatform.Dossiers;

/// <summary>The dossiers service's settings, from the "Dossiers" section (e.g. <c>Dossiers__IntakeConnections=16</c>).</summary>
public sealed class DossiersOptions
{
    public const string Section = "Dossiers";

    /// <summary>How often the overdue job marks the dossiers that passed their due date, in seconds.</summary>
    [Range(1, 86_400)]
    public int OverdueScanSeconds { get; set; } = 60;

    /// <summary>Dossiers (or pieces of feedback) a replay publishes per transaction (<see cref="Events.ReplayPages"/>).</summary>
    [Range(1, 100_000)]
    public int ReplayPageSize { get; set; } = 5_000;

    /// <summary>Connections of the intake's own pool (<see cref="DossierIntake"/>).</summary>
    [Range(1, 1_000)]
    public int IntakeConnections { get; set; } = 8;
}
