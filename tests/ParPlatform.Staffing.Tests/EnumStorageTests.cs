using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Contracts.Identity;
using ParPlatform.Contracts.Staffing;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Staffing.Data;
using ParPlatform.TestSupport;

namespace ParPlatform.Staffing.Tests;

/// <summary>The names the staffing database holds for each enum.</summary>
public sealed class EnumStorageTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    /// <summary>What the rows of staffingdb hold, written out by hand.</summary>
    private static readonly Dictionary<Type, string[]> StoredNames = new()
    {
        [typeof(UnitKind)] = ["Ward", "Commune", "SpecialZone"],
        [typeof(ReportPeriodKind)] = ["Q1", "SixMonths", "Q3", "Year", "Month", "AdHoc"],
        [typeof(DisciplineLevel)] = ["Reprimand", "Warning", "SalaryReduction", "Demotion", "Removal", "Dismissal"],
    };

    [Fact]
    public void Every_enum_column_stores_its_member_names_in_a_column_wide_enough()
    {
        using var scope = staffing.Service.Services.CreateScope();
        EnumColumns.AssertStoredByName(scope.ServiceProvider.GetRequiredService<StaffingDbContext>(), StoredNames);
    }
}
