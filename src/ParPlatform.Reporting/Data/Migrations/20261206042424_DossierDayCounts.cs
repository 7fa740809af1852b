using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_day_counts",
                schema: "reporting",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    generation = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    received_online = table.Column<int>(type: "integer", nullable: false),
                    received_other = table.Column<int>(type: "integer", nullable: false),
                    digitised = table.Column<int>(type: "integer", nullable: false),
                    with_fees = table.Column<int>(type: "integer", nullable: false),
                    paid_online = table.Column<int>(type: "integer", nullable: false),
                    resolved_early = table.Column<int>(type: "integer", nullable: false),
                    resolved_on_time = table.Column<int>(type: "integer", nullable: false),
                    resolved_late = table.Column<int>(type: "integer", nullable: false),
                    returned = table.Column<int>(type: "integer", nullable: false),
                    electronic_results = table.Column<int>(type: "integer", nullable: false),
                    late_with_apology = table.Column<int>(type: "integer", nullable: false),
                    very_satisfied = table.Column<int>(type: "integer", nullable: false),
                    satisfied = table.Column<int>(type: "integer", nullable: false),
                    not_satisfied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_day_counts", x => new { x.unit_code, x.generation, x.day, x.field });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_day_counts_province_code_day",
                schema: "reporting",
                table: "dossier_day_counts",
                columns: new[] { "province_code", "day" });

            // Added by hand. The counts follow the facts in the transaction that writes them: after each statement that inserts or
            // updates facts, what the statement's rows counted before is taken away and what they count now is added, per unit,
            // generation, day and field, in the order of that key (docs/decisions/0004). A generation's facts are deleted with its
            // counts (Replays.FinishIfComplete, RebuildsApi), so no trigger follows a delete.
            migrationBuilder.Sql($"""
                CREATE FUNCTION reporting.count_inserted_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  {AddToCounts("SELECT 1 AS sign, * FROM inserted")};
                  RETURN NULL;
                END $$;
                CREATE FUNCTION reporting.count_updated_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  {AddToCounts("SELECT -1 AS sign, * FROM before_update UNION ALL SELECT 1, * FROM after_update")};
                  RETURN NULL;
                END $$;
                CREATE TRIGGER count_inserted AFTER INSERT ON reporting.dossier_facts REFERENCING NEW TABLE AS inserted
                  FOR EACH STATEMENT EXECUTE FUNCTION reporting.count_inserted_dossier_facts();
                CREATE TRIGGER count_updated AFTER UPDATE ON reporting.dossier_facts REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
                  FOR EACH STATEMENT EXECUTE FUNCTION reporting.count_updated_dossier_facts();
                SELECT set_config('parplatform.all_tenants', 'on', true);
                {AddToCounts("SELECT 1 AS sign, * FROM reporting.dossier_facts")};
                """);

            // The dossiers open at an instant t (received before it, not finished before it: t in (received_at, finished_at]), what
            // carried over and pending read: a dossier finished before it was received is open at no instant.
            migrationBuilder.Sql("""
                CREATE INDEX ix_dossier_facts_open ON reporting.dossier_facts USING gist
                  (tstzrange(received_at, CASE WHEN finished_at < received_at THEN received_at ELSE finished_at END, '(]'))
                  WHERE received_at IS NOT NULL;
                CREATE INDEX ix_dossier_facts_finished_before_received ON reporting.dossier_facts (unit_code) WHERE finished_at < received_at;
                ANALYZE reporting.dossier_facts;
                ANALYZE reporting.dossier_day_counts;
                """);

            // Tenant-owned rows: row-level security by unit and province (ParPlatform.ServiceDefaults.Tenancy.RowLevelSecurity).
            migrationBuilder.EnableTenantRowLevelSecurity("reporting", "dossier_day_counts");
        }

        /// <summary>
        /// Adds the contributions of <paramref name="changed"/> (fact rows with a sign: +1 counts a row, -1 takes it away) to the
        /// counts. A row counts on the day (Vietnam time) it was received, on the day it was finished, and on the day it was
        /// rated, with the conditions of form II.06a's columns; one finished before it was received counts only its rating.
        /// </summary>
        private static string AddToCounts(string changed)
        {
            const string Columns = "received_online, received_other, digitised, with_fees, paid_online, resolved_early, resolved_on_time, resolved_late, "
                + "returned, electronic_results, late_with_apology, very_satisfied, satisfied, not_satisfied";
            var names = Columns.Split(", ");
            var sums = string.Join(", ", names.Select(c => $"sum(f.sign * x.{c})"));
            return $"""
                INSERT INTO reporting.dossier_day_counts AS c (unit_code, generation, day, field, province_code, {Columns})
                  SELECT f.unit_code, f.generation, x.day, f.field, min(f.province_code), {sums}
                  FROM ({changed}) AS f
                  CROSS JOIN LATERAL (VALUES
                    (CASE WHEN f.finished_at IS NULL OR f.finished_at >= f.received_at THEN (f.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
                     coalesce(f.channel = 'Online', false)::int, coalesce(f.channel <> 'Online', false)::int, f.digitised::int, f.has_fee::int,
                     (f.has_fee AND f.paid_online)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                    (CASE WHEN f.finished_at >= f.received_at THEN (f.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END, 0, 0, 0, 0, 0,
                     coalesce(f.timeliness = 'Early', false)::int, coalesce(f.timeliness = 'OnTime', false)::int,
                     coalesce(f.timeliness = 'Late', false)::int, (f.return_reason IS NOT NULL)::int, (f.timeliness IS NOT NULL AND f.electronic_result)::int,
                     coalesce(f.timeliness = 'Late' AND f.apology_issued_at IS NOT NULL, false)::int, 0, 0, 0),
                    ((f.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     coalesce(f.rating = 'VerySatisfied', false)::int, coalesce(f.rating = 'Satisfied', false)::int,
                     coalesce(f.rating = 'NotSatisfied', false)::int)
                  ) AS x(day, {Columns})
                  WHERE x.day IS NOT NULL
                  GROUP BY f.unit_code, f.generation, x.day, f.field
                  HAVING ({sums}) <> ({string.Join(", ", names.Select(_ => "0"))})
                  ORDER BY f.unit_code, f.generation, x.day, f.field
                ON CONFLICT (unit_code, generation, day, field) DO UPDATE SET {string.Join(", ", names.Select(c => $"{c} = c.{c} + EXCLUDED.{c}"))}
                """;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER count_inserted ON reporting.dossier_facts;
                DROP TRIGGER count_updated ON reporting.dossier_facts;
                DROP FUNCTION reporting.count_inserted_dossier_facts();
                DROP FUNCTION reporting.count_updated_dossier_facts();
                DROP INDEX reporting.ix_dossier_facts_open;
                DROP INDEX reporting.ix_dossier_facts_finished_before_received;
                """);

            migrationBuilder.DropTable(
                name: "dossier_day_counts",
                schema: "reporting");
        }
    }
}
