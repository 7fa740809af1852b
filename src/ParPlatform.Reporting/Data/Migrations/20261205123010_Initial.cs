using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "dossier_facts",
                schema: "reporting",
                columns: table => new
                {
                    generation = table.Column<int>(type: "integer", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pause_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    timeliness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    electronic_result = table.Column<bool>(type: "boolean", nullable: false),
                    digitised = table.Column<bool>(type: "boolean", nullable: false),
                    has_fee = table.Column<bool>(type: "boolean", nullable: false),
                    paid_online = table.Column<bool>(type: "boolean", nullable: false),
                    paid_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    apology_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_facts", x => new { x.generation, x.dossier_id });
                });

            migrationBuilder.CreateTable(
                name: "feedback_facts",
                schema: "reporting",
                columns: table => new
                {
                    generation = table.Column<int>(type: "integer", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_within_deadline = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_facts", x => new { x.generation, x.feedback_id });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "reporting",
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
                schema: "reporting",
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
                schema: "reporting",
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
                name: "period_settings",
                schema: "reporting",
                columns: table => new
                {
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_settings", x => x.province_code);
                });

            migrationBuilder.CreateTable(
                name: "read_model_rebuilds",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_model_rebuilds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_generations",
                schema: "reporting",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    active = table.Column<int>(type: "integer", nullable: false),
                    building = table.Column<int>(type: "integer", nullable: true),
                    replay_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rebuild_id = table.Column<Guid>(type: "uuid", nullable: true),
                    expected_dossiers = table.Column<int>(type: "integer", nullable: true),
                    expected_feedback = table.Column<int>(type: "integer", nullable: true),
                    replayed_dossiers = table.Column<int>(type: "integer", nullable: false),
                    replayed_feedback = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_generations", x => x.unit_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_province_code_rated_at",
                schema: "reporting",
                table: "dossier_facts",
                columns: new[] { "province_code", "rated_at" },
                filter: "rated_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_province_code_received_at",
                schema: "reporting",
                table: "dossier_facts",
                columns: new[] { "province_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_unit_code_generation_received_at",
                schema: "reporting",
                table: "dossier_facts",
                columns: new[] { "unit_code", "generation", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_unit_code_rated_at",
                schema: "reporting",
                table: "dossier_facts",
                columns: new[] { "unit_code", "rated_at" },
                filter: "rated_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_province_code_received_at",
                schema: "reporting",
                table: "feedback_facts",
                columns: new[] { "province_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_unit_code_generation_received_at",
                schema: "reporting",
                table: "feedback_facts",
                columns: new[] { "unit_code", "generation", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "reporting",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_known_units_province_code",
                schema: "reporting",
                table: "known_units",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dispatched",
                schema: "reporting",
                table: "outbox_messages",
                column: "dispatched_at",
                filter: "dispatched_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                schema: "reporting",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "reporting",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_aggregate",
                schema: "reporting",
                table: "outbox_messages",
                columns: new[] { "aggregate_key", "sequence" },
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_unit_generations_rebuild_id",
                schema: "reporting",
                table: "unit_generations",
                column: "rebuild_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_generations_replay_id",
                schema: "reporting",
                table: "unit_generations",
                column: "replay_id",
                unique: true,
                filter: "replay_id IS NOT NULL");

            // Added by hand: wakes the outbox dispatcher when a commit adds events.
            migrationBuilder.Sql(MessagingModel.CreateOutboxNotifyTriggerSql("reporting"));

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            // period_settings is the province's configuration, read by its units' routes too: guarded by the province routes only.
            // read_model_rebuilds is the platform's, written by the reporting service itself.
            foreach (var table in new[] { "dossier_facts", "feedback_facts", "unit_generations", "known_units" })
                migrationBuilder.EnableTenantRowLevelSecurity("reporting", table);

            // The generations of a unit that record its events: the active one (0 for a unit never rebuilt), and the one being rebuilt.
            migrationBuilder.Sql("""
                CREATE FUNCTION reporting.live_generations(unit text) RETURNS SETOF integer LANGUAGE sql STABLE AS $$
                  SELECT coalesce((SELECT active FROM reporting.unit_generations WHERE unit_code = unit), 0)
                  UNION
                  SELECT building FROM reporting.unit_generations WHERE unit_code = unit AND building IS NOT NULL
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION reporting.live_generations(text);");
            migrationBuilder.Sql(MessagingModel.DropOutboxNotifyTriggerSql("reporting"));

            migrationBuilder.DropTable(
                name: "dossier_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "feedback_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "known_units",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "period_settings",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "read_model_rebuilds",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "unit_generations",
                schema: "reporting");
        }
    }
}
