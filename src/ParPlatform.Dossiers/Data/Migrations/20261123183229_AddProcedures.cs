using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "procedures",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_limit_amount = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    time_limit_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fee = table.Column<long>(type: "bigint", nullable: false),
                    online_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inter_level = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_procedures_unit_code_code",
                schema: "dossiers",
                table: "procedures",
                columns: new[] { "unit_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedures_unit_code_field",
                schema: "dossiers",
                table: "procedures",
                columns: new[] { "unit_code", "field" });

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            migrationBuilder.EnableTenantRowLevelSecurity("dossiers", "procedures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("dossiers", "procedures");

            migrationBuilder.DropTable(
                name: "procedures",
                schema: "dossiers");
        }
    }
}
