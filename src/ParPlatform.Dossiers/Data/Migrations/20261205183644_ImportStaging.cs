using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <summary>
    /// Written by hand (no entity maps it): the staged rows of accepted dossier imports (DossierImportStaging), a dossier's
    /// columns by import and file row, kept until the import is written (DossierCopy). A column added to the dossiers is
    /// added here in the same migration.
    /// </summary>
    public partial class ImportStaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE dossiers.dossier_import_rows (
                    job_id uuid NOT NULL,
                    row_number integer NOT NULL,
                    LIKE dossiers.dossiers,
                    CONSTRAINT pk_dossier_import_rows PRIMARY KEY (job_id, row_number));
                """);
            migrationBuilder.EnableTenantRowLevelSecurity("dossiers", "dossier_import_rows");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE dossiers.dossier_import_rows;");
        }
    }
}
