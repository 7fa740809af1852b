using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceUnitAutonomy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_unit_autonomy",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_unit_autonomy", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_unit_autonomy_unit_code_code",
                schema: "finance",
                table: "service_unit_autonomy",
                columns: new[] { "unit_code", "code" },
                unique: true);

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            migrationBuilder.EnableTenantRowLevelSecurity("finance", "service_unit_autonomy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_unit_autonomy",
                schema: "finance");
        }
    }
}
