using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceEventsByProvince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_source_events_province_code",
                schema: "reporting",
                table: "source_events",
                column: "province_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_source_events_province_code",
                schema: "reporting",
                table: "source_events");
        }
    }
}
