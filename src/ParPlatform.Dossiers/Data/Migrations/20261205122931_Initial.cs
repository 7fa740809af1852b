using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dossiers");

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
                name: "dossier_imports",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    written_rows = table.Column<int>(type: "integer", nullable: false),
                    skipped_rows = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_imports", x => x.id);
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
                    // Added by the last migration before the squash, after the others: the same column order as then.
                    apology_agency_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    apology_issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
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
                name: "inbox_messages",
                schema: "dossiers",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "known_units",
                schema: "dossiers",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)))
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_units", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "dossiers",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    aggregate_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

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
                name: "ix_dossier_imports_unit_code_started_at",
                schema: "dossiers",
                table: "dossier_imports",
                columns: new[] { "unit_code", "started_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "dossiers",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_known_units_province_code",
                schema: "dossiers",
                table: "known_units",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dispatched",
                schema: "dossiers",
                table: "outbox_messages",
                column: "dispatched_at",
                filter: "dispatched_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                schema: "dossiers",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "dossiers",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_aggregate",
                schema: "dossiers",
                table: "outbox_messages",
                columns: new[] { "aggregate_key", "sequence" },
                filter: "dispatched_at IS NULL");

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

            // Added by hand: wakes the outbox dispatcher when a commit adds events.
            migrationBuilder.Sql(MessagingModel.CreateOutboxNotifyTriggerSql("dossiers"));

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            foreach (var table in new[] { "procedures", "dossiers", "dossier_transitions", "feedback", "dossier_imports", "known_units" })
                migrationBuilder.EnableTenantRowLevelSecurity("dossiers", table);

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
            migrationBuilder.Sql(MessagingModel.DropOutboxNotifyTriggerSql("dossiers"));

            migrationBuilder.DropTable(
                name: "calendar_years",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_imports",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_transitions",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "feedback",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "known_units",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "procedures",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "dossiers");
        }
    }
}
