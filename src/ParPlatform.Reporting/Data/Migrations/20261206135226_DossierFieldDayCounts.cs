using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.ServiceDefaults.Tenancy;

#nullable disable

namespace ParPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierFieldDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_field_day_counts",
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
                    table.PrimaryKey("pk_dossier_field_day_counts", x => new { x.unit_code, x.generation, x.day, x.field });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_field_day_counts_province_code_day",
                schema: "reporting",
                table: "dossier_field_day_counts",
                columns: new[] { "province_code", "day" });

            // Added by hand: tenant-owned rows; the triggers add to the counts per unit and day and to those per unit, field and day;
            // the facts are counted into the new table. docs/decisions/0004.
            migrationBuilder.EnableTenantRowLevelSecurity("reporting", "dossier_field_day_counts");
            migrationBuilder.Sql(CountingSql(byField: true));
            migrationBuilder.Sql($"""
                SELECT set_config('parplatform.all_tenants', 'on', true);
                {AddToCounts("SELECT 1 AS sign, * FROM reporting.dossier_facts", byField: true)};
                ANALYZE reporting.dossier_field_day_counts;
                """);
        }

        /// <summary>The trigger functions adding to the counts per unit and day and, <paramref name="byField"/>, per unit, field and day.</summary>
        private static string CountingSql(bool byField)
        {
            string Add(string changed) => AddToCounts(changed, byField: false) + (byField ? ";\n" + AddToCounts(changed, byField: true) : "");
            return $"""
                CREATE OR REPLACE FUNCTION reporting.count_inserted_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  {Add("SELECT 1 AS sign, * FROM inserted")};
                  RETURN NULL;
                END $$;
                CREATE OR REPLACE FUNCTION reporting.count_updated_dossier_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  {Add("SELECT -1 AS sign, * FROM before_update UNION ALL SELECT 1, * FROM after_update")};
                  RETURN NULL;
                END $$;
                """;
        }

        /// <summary>
        /// Adds the contributions of <paramref name="changed"/> (fact rows with a sign: +1 counts a row, -1 takes it away) to the
        /// counts per unit and day, or <paramref name="byField"/> to those per unit, field and day. A row counts on the day (Vietnam
        /// time) it was received, on the day it was finished, and on the day it was rated, with the conditions of form II.06a's
        /// columns; one finished before it was received counts only its rating (as in DossierDayCountsPerUnit).
        /// </summary>
        private static string AddToCounts(string changed, bool byField)
        {
            const string Columns = "received_online, received_other, digitised, with_fees, paid_online, resolved_early, resolved_on_time, resolved_late, "
                + "returned, electronic_results, late_with_apology, very_satisfied, satisfied, not_satisfied";
            var table = byField ? "reporting.dossier_field_day_counts" : "reporting.dossier_day_counts";
            var key = byField ? "unit_code, generation, day, field" : "unit_code, generation, day";
            var grouped = byField ? "f.unit_code, f.generation, x.day, f.field" : "f.unit_code, f.generation, x.day";
            var names = Columns.Split(", ");
            var sums = string.Join(", ", names.Select(c => $"sum(f.sign * x.{c})"));
            return $"""
                INSERT INTO {table} AS c ({key}, province_code, {Columns})
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
            migrationBuilder.Sql(CountingSql(byField: false));
            migrationBuilder.DropTable(
                name: "dossier_field_day_counts",
                schema: "reporting");
        }
    }
}
