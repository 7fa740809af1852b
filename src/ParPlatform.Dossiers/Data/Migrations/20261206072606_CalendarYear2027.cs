using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;
using ParPlatform.SharedKernel.Calendar;

#nullable disable

namespace ParPlatform.Dossiers.Data.Migrations
{
    /// <summary>
    /// Written by hand: the provisional 2027 calendar (<see cref="PublicHolidays.Year2027"/>), unless an
    /// administrator has configured 2027 already. Without it every dossier due after 31/12/2026 is refused.
    /// </summary>
    public partial class CalendarYear2027 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var year = PublicHolidays.Year2027;
            migrationBuilder.Sql(
                $"""
                INSERT INTO dossiers.calendar_years (year, days_off, make_up_working_days, updated_at, updated_by)
                VALUES ({year.Year}, {DateArray(year.DaysOff)}, {DateArray(year.MakeUpWorkingDays)}, '2026-12-06T00:00:00Z', 'seed')
                ON CONFLICT (year) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM dossiers.calendar_years WHERE year = 2027 AND updated_by = 'seed';");
        }

        private static string DateArray(IEnumerable<DateOnly> days) =>
            "ARRAY[" + string.Join(", ", days.Order().Select(d => $"'{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'")) + "]::date[]";
    }
}
