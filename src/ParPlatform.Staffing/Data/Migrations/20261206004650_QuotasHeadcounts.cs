using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Staffing.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuotasHeadcounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "headcounts",
                schema: "staffing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    civil_servants = table.Column<int>(type: "integer", nullable: false),
                    public_employees = table.Column<int>(type: "integer", nullable: false),
                    budget_paid_public_employees = table.Column<int>(type: "integer", nullable: true),
                    self_paid_public_employees = table.Column<int>(type: "integer", nullable: true),
                    civil_servants_with_degree = table.Column<int>(type: "integer", nullable: true),
                    public_employees_with_degree = table.Column<int>(type: "integer", nullable: true),
                    one_stop_directors = table.Column<int>(type: "integer", nullable: true),
                    procedure_control_officers = table.Column<int>(type: "integer", nullable: true),
                    receiving_officers = table.Column<int>(type: "integer", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_headcounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_quotas",
                schema: "staffing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    civil_servants = table.Column<int>(type: "integer", nullable: false),
                    budget_paid_public_employees = table.Column<int>(type: "integer", nullable: false),
                    self_paid_public_employees = table.Column<int>(type: "integer", nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staffing_quotas", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_headcounts_province_code_as_of",
                schema: "staffing",
                table: "headcounts",
                columns: new[] { "province_code", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_headcounts_unit_code_agency_code_as_of",
                schema: "staffing",
                table: "headcounts",
                columns: new[] { "unit_code", "agency_code", "as_of" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_staffing_quotas_province_code_year",
                schema: "staffing",
                table: "staffing_quotas",
                columns: new[] { "province_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_staffing_quotas_unit_code_year_agency_code",
                schema: "staffing",
                table: "staffing_quotas",
                columns: new[] { "unit_code", "year", "agency_code" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            foreach (var table in new[] { "staffing_quotas", "headcounts" })
                migrationBuilder.EnableTenantRowLevelSecurity("staffing", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "headcounts",
                schema: "staffing");

            migrationBuilder.DropTable(
                name: "staffing_quotas",
                schema: "staffing");
        }
    }
}
