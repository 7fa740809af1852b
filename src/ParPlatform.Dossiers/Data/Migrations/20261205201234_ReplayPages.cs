using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReplayPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_feedback_unit_code_id",
                schema: "dossiers",
                table: "feedback",
                columns: new[] { "unit_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_unit_code_id",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "unit_code", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_feedback_unit_code_id",
                schema: "dossiers",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_unit_code_id",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
