using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApologyIssuer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "apology_agency_code",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "apology_issued_by",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "apology_agency_code",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "apology_issued_by",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
