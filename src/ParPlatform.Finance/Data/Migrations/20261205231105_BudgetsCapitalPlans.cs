using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ParPlatform.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetsCapitalPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budget_items",
                schema: "finance",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_items", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    par_funding = table.Column<long>(type: "bigint", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budgets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "capital_plans",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    set_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capital_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funding_sources",
                schema: "finance",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_sources", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "budget_actuals",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    item_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_actuals", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_actuals_budget_items_item_code",
                        column: x => x.item_code,
                        principalSchema: "finance",
                        principalTable: "budget_items",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_budget_actuals_budgets_budget_id",
                        column: x => x.budget_id,
                        principalSchema: "finance",
                        principalTable: "budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_estimates",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    item_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_estimates", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_estimates_budget_items_item_code",
                        column: x => x.item_code,
                        principalSchema: "finance",
                        principalTable: "budget_items",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_budget_estimates_budgets_budget_id",
                        column: x => x.budget_id,
                        principalSchema: "finance",
                        principalTable: "budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capital_allocations",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    capital_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    source_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    project = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capital_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_capital_allocations_capital_plans_capital_plan_id",
                        column: x => x.capital_plan_id,
                        principalSchema: "finance",
                        principalTable: "capital_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_capital_allocations_funding_sources_source_code",
                        column: x => x.source_code,
                        principalSchema: "finance",
                        principalTable: "funding_sources",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                schema: "finance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    capital_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    source_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    project = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursements", x => x.id);
                    table.ForeignKey(
                        name: "fk_disbursements_capital_plans_capital_plan_id",
                        column: x => x.capital_plan_id,
                        principalSchema: "finance",
                        principalTable: "capital_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_disbursements_funding_sources_source_code",
                        column: x => x.source_code,
                        principalSchema: "finance",
                        principalTable: "funding_sources",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "finance",
                table: "budget_items",
                columns: new[] { "code", "kind", "name", "ordinal" },
                values: new object[,]
                {
                    { "land-use-fees", "Revenue", "Thu tiền sử dụng đất", 2 },
                    { "total-expenditure", "Expenditure", "Tổng chi ngân sách nhà nước", 3 },
                    { "total-revenue", "Revenue", "Tổng thu ngân sách nhà nước trên địa bàn", 1 }
                });

            migrationBuilder.InsertData(
                schema: "finance",
                table: "funding_sources",
                columns: new[] { "code", "name", "ordinal" },
                values: new object[,]
                {
                    { "ctmtqg", "Vốn các chương trình mục tiêu quốc gia", 3 },
                    { "nsdp", "Vốn ngân sách địa phương (NSDP)", 2 },
                    { "nstw", "Vốn ngân sách trung ương (NSTW)", 1 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_budget_actuals_budget_id_item_code_as_of",
                schema: "finance",
                table: "budget_actuals",
                columns: new[] { "budget_id", "item_code", "as_of" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_actuals_item_code",
                schema: "finance",
                table: "budget_actuals",
                column: "item_code");

            migrationBuilder.CreateIndex(
                name: "ix_budget_estimates_budget_id_item_code_basis_revision",
                schema: "finance",
                table: "budget_estimates",
                columns: new[] { "budget_id", "item_code", "basis", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_estimates_item_code",
                schema: "finance",
                table: "budget_estimates",
                column: "item_code");

            migrationBuilder.CreateIndex(
                name: "ix_budgets_province_code_year",
                schema: "finance",
                table: "budgets",
                columns: new[] { "province_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_budgets_unit_code_year",
                schema: "finance",
                table: "budgets",
                columns: new[] { "unit_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_capital_allocations_capital_plan_id_source_code_project",
                schema: "finance",
                table: "capital_allocations",
                columns: new[] { "capital_plan_id", "source_code", "project" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_capital_allocations_source_code",
                schema: "finance",
                table: "capital_allocations",
                column: "source_code");

            migrationBuilder.CreateIndex(
                name: "ix_capital_plans_province_code_year",
                schema: "finance",
                table: "capital_plans",
                columns: new[] { "province_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_capital_plans_unit_code_year",
                schema: "finance",
                table: "capital_plans",
                columns: new[] { "unit_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_capital_plan_id_date",
                schema: "finance",
                table: "disbursements",
                columns: new[] { "capital_plan_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_source_code",
                schema: "finance",
                table: "disbursements",
                column: "source_code");

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            // The budget items and funding sources are one list for every unit.
            foreach (var table in new[] { "budgets", "budget_estimates", "budget_actuals", "capital_plans", "capital_allocations", "disbursements" })
                migrationBuilder.EnableTenantRowLevelSecurity("finance", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_actuals",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budget_estimates",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "capital_allocations",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "disbursements",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budget_items",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budgets",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "capital_plans",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "funding_sources",
                schema: "finance");
        }
    }
}
