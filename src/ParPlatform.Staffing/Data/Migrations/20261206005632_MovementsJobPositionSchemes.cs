using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Staffing.Data.Migrations
{
    /// <inheritdoc />
    public partial class MovementsJobPositionSchemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_position_schemes",
                schema: "staffing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    reviewed = table.Column<bool>(type: "boolean", nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_position_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_movements",
                schema: "staffing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recruited_civil_servants = table.Column<int>(type: "integer", nullable: true),
                    recruited_public_employees = table.Column<int>(type: "integer", nullable: true),
                    transferred_to_civil_service = table.Column<int>(type: "integer", nullable: true),
                    transferred_out = table.Column<int>(type: "integer", nullable: true),
                    retired = table.Column<int>(type: "integer", nullable: true),
                    resigned = table.Column<int>(type: "integer", nullable: true),
                    discipline_reported = table.Column<bool>(type: "boolean", nullable: false),
                    promotion_registrations = table.Column<int>(type: "integer", nullable: true),
                    training_planned = table.Column<int>(type: "integer", nullable: true),
                    training_completed = table.Column<int>(type: "integer", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_movements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_discipline",
                schema: "staffing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    movements_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    staff = table.Column<int>(type: "integer", nullable: false),
                    leaders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_discipline", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_discipline_staff_movements_movements_id",
                        column: x => x.movements_id,
                        principalSchema: "staffing",
                        principalTable: "staff_movements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_position_schemes_unit_code_agency_code",
                schema: "staffing",
                table: "job_position_schemes",
                columns: new[] { "unit_code", "agency_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_discipline_movements_id_level",
                schema: "staffing",
                table: "staff_discipline",
                columns: new[] { "movements_id", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_movements_province_code_year_kind",
                schema: "staffing",
                table: "staff_movements",
                columns: new[] { "province_code", "year", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_movements_unit_code_year_kind",
                schema: "staffing",
                table: "staff_movements",
                columns: new[] { "unit_code", "year", "kind" },
                unique: true);

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            foreach (var table in new[] { "staff_movements", "staff_discipline", "job_position_schemes" })
                migrationBuilder.EnableTenantRowLevelSecurity("staffing", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_position_schemes",
                schema: "staffing");

            migrationBuilder.DropTable(
                name: "staff_discipline",
                schema: "staffing");

            migrationBuilder.DropTable(
                name: "staff_movements",
                schema: "staffing");
        }
    }
}
