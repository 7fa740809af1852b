using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssetsAndViolations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "admin_fund_violations",
                schema: "finance",
                table: "budgets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "admin_fund_violations_as_of",
                schema: "finance",
                table: "budgets",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "asset_disposals",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    asset = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_disposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asset_inventories",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    asset_type_count = table.Column<int>(type: "integer", nullable: false),
                    registration_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    report_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_inventories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asset_inventory_subjects",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inventory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    team_formed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    asset_forms = table.Column<List<string>>(type: "text[]", nullable: false),
                    report_submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_inventory_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_asset_inventory_subjects_asset_inventories_inventory_id",
                        column: x => x.inventory_id,
                        principalSchema: "finance",
                        principalTable: "asset_inventories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asset_inventory_types",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inventory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    form = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_inventory_types", x => x.id);
                    table.ForeignKey(
                        name: "fk_asset_inventory_types_asset_inventories_inventory_id",
                        column: x => x.inventory_id,
                        principalSchema: "finance",
                        principalTable: "asset_inventories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asset_disposals_unit_code_date",
                schema: "finance",
                table: "asset_disposals",
                columns: new[] { "unit_code", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_asset_inventories_unit_code_code",
                schema: "finance",
                table: "asset_inventories",
                columns: new[] { "unit_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asset_inventory_subjects_inventory_id_code",
                schema: "finance",
                table: "asset_inventory_subjects",
                columns: new[] { "inventory_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asset_inventory_types_inventory_id_form",
                schema: "finance",
                table: "asset_inventory_types",
                columns: new[] { "inventory_id", "form" },
                unique: true);

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            foreach (var table in new[] { "asset_inventories", "asset_inventory_types", "asset_inventory_subjects", "asset_disposals" })
                migrationBuilder.EnableTenantRowLevelSecurity("finance", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_disposals",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "asset_inventory_subjects",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "asset_inventory_types",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "asset_inventories",
                schema: "finance");

            migrationBuilder.DropColumn(
                name: "admin_fund_violations",
                schema: "finance",
                table: "budgets");

            migrationBuilder.DropColumn(
                name: "admin_fund_violations_as_of",
                schema: "finance",
                table: "budgets");
        }
    }
}
