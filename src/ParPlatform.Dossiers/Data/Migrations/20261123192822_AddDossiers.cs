using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_years",
                schema: "dossiers",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    days_off = table.Column<DateOnly[]>(type: "date[]", nullable: false),
                    make_up_working_days = table.Column<DateOnly[]>(type: "date[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    procedure_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    time_limit_amount = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    time_limit_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    has_fee = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_time = table.Column<TimeSpan>(type: "interval", nullable: false),
                    supplement_requests = table.Column<int>(type: "integer", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    timeliness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    result_returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    electronic_result = table.Column<bool>(type: "boolean", nullable: false),
                    digitised = table.Column<bool>(type: "boolean", nullable: false),
                    paid_online = table.Column<bool>(type: "boolean", nullable: false),
                    overdue_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    apology_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    apology_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    apology_new_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sender_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    forward_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolve_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    forwarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    forwarded_to = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    resolved_within_deadline = table.Column<bool>(type: "boolean", nullable: true),
                    publish_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_transitions",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    from_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_transitions_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_transitions_dossier_id",
                schema: "dossiers",
                table: "dossier_transitions",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_due_at",
                schema: "dossiers",
                table: "dossiers",
                column: "due_at",
                filter: "overdue_at IS NULL AND finished_at IS NULL AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_unit_code_external_id",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "unit_code", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_unit_code_rated_at",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "unit_code", "rated_at" },
                filter: "rated_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_unit_code_received_at",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "unit_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_unit_code_received_at",
                schema: "dossiers",
                table: "feedback",
                columns: new[] { "unit_code", "received_at" });

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            migrationBuilder.EnableTenantRowLevelSecurity("dossiers", "dossiers");
            migrationBuilder.EnableTenantRowLevelSecurity("dossiers", "dossier_transitions");
            migrationBuilder.EnableTenantRowLevelSecurity("dossiers", "feedback");

            // The seeded years of the working calendar (DOMAIN.md section 4); later years are added through the admin API.
            foreach (var year in new[] { PublicHolidays.Year2025, PublicHolidays.Year2026 })
            {
                migrationBuilder.InsertData(
                    schema: "dossiers",
                    table: "calendar_years",
                    columns: ["year", "days_off", "make_up_working_days", "updated_at", "updated_by"],
                    values: new object[]
                    {
                        year.Year, year.DaysOff.Order().ToArray(), year.MakeUpWorkingDays.Order().ToArray(),
                        new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), "seed",
                    });
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("dossiers", "feedback");
            migrationBuilder.DisableTenantRowLevelSecurity("dossiers", "dossier_transitions");
            migrationBuilder.DisableTenantRowLevelSecurity("dossiers", "dossiers");

            migrationBuilder.DropTable(
                name: "calendar_years",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_transitions",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "feedback",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "dossiers");
        }
    }
}
