using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldDayCountsByField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossier_field_day_counts_province_code_day",
                schema: "reporting",
                table: "dossier_field_day_counts");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_field_day_counts_province_code_field_day",
                schema: "reporting",
                table: "dossier_field_day_counts",
                columns: new[] { "province_code", "field", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossier_field_day_counts_province_code_field_day",
                schema: "reporting",
                table: "dossier_field_day_counts");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_field_day_counts_province_code_day",
                schema: "reporting",
                table: "dossier_field_day_counts",
                columns: new[] { "province_code", "day" });
        }
    }
}
