using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyReadsSettingsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same rows, the tenant settings read once per query instead of once per row (RowLevelSecurity).
            foreach (var table in new[] { "procedures", "dossiers", "dossier_transitions", "feedback", "dossier_imports" })
                migrationBuilder.UpdateTenantRowLevelSecurity("dossiers", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the policy lets the same rows through in either form.
        }
    }
}
