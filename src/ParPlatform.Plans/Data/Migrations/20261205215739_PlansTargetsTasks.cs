using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Plans.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlansTargetsTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuer_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    issuer_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    to_year = table.Column<int>(type: "integer", nullable: false),
                    phases = table.Column<string>(type: "jsonb", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    symbol = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    decision_attachment = table.Column<bool>(type: "boolean", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    legal_bases = table.Column<string>(type: "jsonb", nullable: false),
                    purposes = table.Column<string>(type: "text", nullable: true),
                    requirements = table.Column<string>(type: "text", nullable: true),
                    agency_plans_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    parent_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    supersedes_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_by_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_bodies",
                schema: "plans",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_bodies", x => new { x.unit_code, x.agency_code });
                });

            migrationBuilder.CreateTable(
                name: "plan_targets",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    indicator_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    comparator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    threshold = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    phase = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    channel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_target_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_targets_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "plans",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    group = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    output = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    criterion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    indicator_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    comparator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    threshold = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    leads = table.Column<string>(type: "jsonb", nullable: false),
                    cooperating = table.Column<string>(type: "jsonb", nullable: false),
                    timeframe_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    timeframe_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    province_assigned = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    overdue_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_tasks_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "plans",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_progress",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_progress", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_progress_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_targets_plan_id",
                schema: "plans",
                table: "plan_targets",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_due_date",
                schema: "plans",
                table: "plan_tasks",
                column: "due_date",
                filter: "overdue_on IS NULL AND completed_on IS NULL AND due_date IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_plan_id",
                schema: "plans",
                table: "plan_tasks",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_unit_code_due_date",
                schema: "plans",
                table: "plan_tasks",
                columns: new[] { "unit_code", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_province_code_from_year",
                schema: "plans",
                table: "plans",
                columns: new[] { "province_code", "from_year" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_province_code_unit_code_agency_code_number_symbol_iss",
                schema: "plans",
                table: "plans",
                columns: new[] { "province_code", "unit_code", "agency_code", "number", "symbol", "issue_date" },
                unique: true,
                filter: "number IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_plans_unit_code_from_year",
                schema: "plans",
                table: "plans",
                columns: new[] { "unit_code", "from_year" });

            migrationBuilder.CreateIndex(
                name: "ix_task_progress_task_id_recorded_at",
                schema: "plans",
                table: "task_progress",
                columns: new[] { "task_id", "recorded_at" });

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            // A province plan and its targets and tasks have no unit code: only the province's scope reaches them.
            foreach (var table in new[] { "plans", "plan_targets", "plan_tasks", "task_progress", "unit_bodies" })
                migrationBuilder.EnableTenantRowLevelSecurity("plans", table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_targets",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "task_progress",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "unit_bodies",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_tasks",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "plans");
        }
    }
}
