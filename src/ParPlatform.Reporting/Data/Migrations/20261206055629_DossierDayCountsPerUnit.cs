using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierDayCountsPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added by hand: the counts are counted again, per unit, generation and day (the field left the key: the province's table
            // summed a row per unit, field and day); the open dossiers are found by open_days_class (a GiST index of the open interval
            // is not used under row-level security). docs/decisions/0004.
            migrationBuilder.Sql("""
                TRUNCATE reporting.dossier_day_counts;
                DROP INDEX reporting.ix_dossier_facts_open;
                """);

            migrationBuilder.DropPrimaryKey(
                name: "pk_dossier_day_counts",
                schema: "reporting",
                table: "dossier_day_counts");

            migrationBuilder.DropColumn(
                name: "field",
                schema: "reporting",
                table: "dossier_day_counts");

            migrationBuilder.AddColumn<int>(
                name: "open_days_class",
                schema: "reporting",
                table: "dossier_facts",
                type: "integer",
                nullable: true,
                computedColumnSql: "width_bucket(finished_at - received_at, ARRAY['1 days', '2 days', '4 days', '8 days', '16 days', '32 days', '64 days', '128 days', '256 days', '512 days', '1024 days', '2048 days', '4096 days', '8192 days', '16384 days', '32768 days']::interval[])",
                stored: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_dossier_day_counts",
                schema: "reporting",
                table: "dossier_day_counts",
                columns: new[] { "unit_code", "generation", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_province_code_open_days_class_received_at",
                schema: "reporting",
                table: "dossier_facts",
                columns: new[] { "province_code", "open_days_class", "received_at" });

            // Added by hand: the triggers add to the counts per unit, generation and day; the facts are counted again.
            migrationBuilder.Sql(CountingSql(byField: false));
        }

        /// <summary>
        /// The trigger functions of DossierDayCounts adding to the counts per unit, generation and day (and field, as that migration
        /// kept them, for Down), and the facts counted again.
        /// </summary>
        private static string CountingSql(bool byField) => $"""
            CREATE OR REPLACE FUNCTION reporting.count_inserted_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              {AddToCounts("SELECT 1 AS sign, * FROM inserted", byField)};
              RETURN NULL;
            END $$;
            CREATE OR REPLACE FUNCTION reporting.count_updated_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              {AddToCounts("SELECT -1 AS sign, * FROM before_update UNION ALL SELECT 1, * FROM after_update", byField)};
              RETURN NULL;
            END $$;
            SELECT set_config('parplatform.all_tenants', 'on', true);
            {AddToCounts("SELECT 1 AS sign, * FROM reporting.dossier_facts", byField)};
            ANALYZE reporting.dossier_day_counts;
            """;

        /// <summary>
        /// Adds the contributions of <paramref name="changed"/> (fact rows with a sign: +1 counts a row, -1 takes it away) to the
        /// counts. A row counts on the day (Vietnam time) it was received, on the day it was finished, and on the day it was
        /// rated, with the conditions of form II.06a's columns; one finished before it was received counts only its rating.
        /// </summary>
        private static string AddToCounts(string changed, bool byField)
        {
            const string Columns = "received_online, received_other, digitised, with_fees, paid_online, resolved_early, resolved_on_time, resolved_late, "
                + "returned, electronic_results, late_with_apology, very_satisfied, satisfied, not_satisfied";
            var key = byField ? "unit_code, generation, day, field" : "unit_code, generation, day";
            var grouped = byField ? "f.unit_code, f.generation, x.day, f.field" : "f.unit_code, f.generation, x.day";
            var names = Columns.Split(", ");
            var sums = string.Join(", ", names.Select(c => $"sum(f.sign * x.{c})"));
            return $"""
                INSERT INTO reporting.dossier_day_counts AS c ({key}, province_code, {Columns})
                  SELECT {grouped}, min(f.province_code), {sums}
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
                  GROUP BY {grouped}
                  HAVING ({sums}) <> ({string.Join(", ", names.Select(_ => "0"))})
                  ORDER BY {grouped}
                ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", names.Select(c => $"{c} = c.{c} + EXCLUDED.{c}"))}
                """;
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("TRUNCATE reporting.dossier_day_counts;");

            migrationBuilder.DropIndex(
                name: "ix_dossier_facts_province_code_open_days_class_received_at",
                schema: "reporting",
                table: "dossier_facts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dossier_day_counts",
                schema: "reporting",
                table: "dossier_day_counts");

            migrationBuilder.DropColumn(
                name: "open_days_class",
                schema: "reporting",
                table: "dossier_facts");

            migrationBuilder.AddColumn<string>(
                name: "field",
                schema: "reporting",
                table: "dossier_day_counts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dossier_day_counts",
                schema: "reporting",
                table: "dossier_day_counts",
                columns: new[] { "unit_code", "generation", "day", "field" });

            migrationBuilder.Sql("""
                CREATE INDEX ix_dossier_facts_open ON reporting.dossier_facts USING gist
                  (tstzrange(received_at, CASE WHEN finished_at < received_at THEN received_at ELSE finished_at END, '(]'))
                  WHERE received_at IS NOT NULL;
                """);
            migrationBuilder.Sql(CountingSql(byField: true));
        }
    }
}
