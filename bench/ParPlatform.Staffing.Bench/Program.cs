// Staffing benchmark (issue 20): the province's staffing overview over 150 units, each with its quotas of 2025 and 2026
// (whole unit and four agencies) and a monthly headcount since January 2025 (whole unit and four agencies), target p95 <
// 100 ms warm, next to the same call made to the staffing service directly and to one unit's report, the three taken in
// turn in the same run. PostgreSQL, RabbitMQ, the identity and staffing services and the gateway are started with the
// AppHost's resource types by Aspire's orchestrator, as the AppHost starts them.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using ParPlatform.Bench;

namespace ParPlatform.Staffing.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var units = Calls.Option(args, "units", 150);
        var months = Calls.Option(args, "months", 14);
        var calls = Calls.Option(args, "calls", 30);
        const string Province = "20";

        await using var platform = new OneServicePlatform("staffing", "ParPlatform.Staffing");

        Console.WriteLine($"Staffing benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores: " +
            $"{units} units × (2 years of quotas, {months} monthly headcounts) × (the unit and 4 agencies), {calls} calls");
        await platform.StartAsync();
        await RunAsync();
        return 0;

        async Task RunAsync()
        {
            await using var db = new NpgsqlConnection(await platform.DatabaseOwner.GetConnectionStringAsync());
            await db.OpenAsync();
            await Calls.ExecuteAsync(db, "SELECT set_config('parplatform.all_tenants', 'on', false)");
            using var viaGateway = new HttpClient { BaseAddress = new Uri(platform.Gateway.Url()) };
            using var direct = new HttpClient { BaseAddress = new Uri(platform.Service.Url()) };
            var reviewer = await Calls.TokenAsync(viaGateway, "langson.sonoivu");
            await SeedAsync(db);

            var overview = $"/api/v1/provinces/{Province}/staffing/overview?year=2026&asOf=2026-03-05";
            var answer = await Calls.GetAsync(viaGateway, reviewer, overview);
            var rows = answer.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("headcountAsOf").ValueKind != JsonValueKind.Null);
            if (rows < units)
                throw new InvalidOperationException($"The overview has {rows} units with a headcount, not {units}.");
            Console.WriteLine($"The overview covers {answer.GetProperty("units").GetArrayLength()} units, {answer.GetProperty("unitsOverQuota").GetInt32()} over their quota");
            // The three calls taken in turn, so that each sees the same load on a shared machine.
            var (gatewayView, directView, oneUnit) = await TimeInTurnAsync(
                async () => await Calls.GetAsync(viaGateway, reviewer, overview),
                async () => await Calls.GetAsync(direct, reviewer, overview),
                async () => await Calls.GetAsync(direct, reviewer, "/api/v1/units/90001/staffing/2026?asOf=2026-03-05"));
            var size = JsonSerializer.Serialize(answer).Length;

            Console.WriteLine();
            Console.WriteLine("| measure | result | target | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| province staffing overview, {units} units, through the gateway (median, p95 of {calls} warm calls) | {gatewayView.Median:0} ms, {gatewayView.P95:0} ms | p95 < 100 ms | {gatewayView.P95 / 100:0.00} of the budget |");
            Console.WriteLine($"| the same overview from the staffing service directly (median, p95) | {directView.Median:0} ms, {directView.P95:0} ms | | gateway ÷ direct = {gatewayView.Median / directView.Median:0.00} |");
            Console.WriteLine($"| one unit's staffing report from the service directly (median, p95) | {oneUnit.Median:0} ms, {oneUnit.P95:0} ms | | overview ÷ one unit = {directView.Median / oneUnit.Median:0.0} |");
            Console.WriteLine($"| the overview's size | {size / 1024.0:0} KB | | |");
        }

        async Task SeedAsync(NpgsqlConnection db)
        {
            // Units 90001… of province 20, as identity's UnitRegistered records them; per unit and per scope (the whole unit,
            // and four agencies with a tenth of it each) the quotas of 2025 and 2026 and a headcount at the end of each month
            // from January 2025, the budget-paid split recorded, one unit in ten above its quota.
            await Calls.ExecuteAsync(db, $"""
                INSERT INTO staffing.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at)
                SELECT (90000 + u)::text, '{Province}', 'Đơn vị ' || u, 'Commune', 'Lạng Sơn', now(), now() FROM generate_series(1, {units}) u;
                CREATE TEMP TABLE scopes AS
                SELECT s.agency_code, s.share FROM (VALUES (NULL::text, 10), ('van-phong', 1), ('kinh-te', 1), ('van-hoa-xa-hoi', 1), ('hanh-chinh-cong', 1)) s(agency_code, share);
                INSERT INTO staffing.staffing_quotas (id, unit_code, province_code, year, agency_code, civil_servants, budget_paid_public_employees,
                  self_paid_public_employees, provisional, decision, decided_on, recorded_by, recorded_at)
                SELECT gen_random_uuid(), (90000 + u)::text, '{Province}', y, s.agency_code, 5 * s.share, (y = 2025)::int * 3 * s.share + 30 * s.share, s.share / 10,
                  y = 2026, 'QĐ-' || u, make_date(y - 1, 12, 20), 'bench', now()
                FROM generate_series(1, {units}) u, (VALUES (2025), (2026)) years(y), scopes s;
                INSERT INTO staffing.headcounts (id, unit_code, province_code, as_of, agency_code, civil_servants, public_employees,
                  budget_paid_public_employees, self_paid_public_employees, civil_servants_with_degree, public_employees_with_degree, recorded_by, recorded_at)
                SELECT gen_random_uuid(), (90000 + u)::text, '{Province}', (date '2025-02-01' + (m || ' months')::interval - interval '1 day')::date, s.agency_code,
                  5 * s.share - (u % 3) + (u % 10 = 0)::int * 2, 30 * s.share, 30 * s.share - s.share / 10, s.share / 10, 4 * s.share, 20 * s.share, 'bench', now()
                FROM generate_series(1, {units}) u, generate_series(0, {months} - 1) m, scopes s;
                ANALYZE staffing.staffing_quotas; ANALYZE staffing.headcounts; ANALYZE staffing.known_units;
                """);
        }

        async Task<((double Median, double P95) First, (double Median, double P95) Second, (double Median, double P95) Third)> TimeInTurnAsync(
            Func<Task> first, Func<Task> second, Func<Task> third)
        {
            Func<Task>[] each = [first, second, third];
            for (var i = 0; i < 3; i++)
            {
                foreach (var call in each)
                    await call(); // warm
            }
            var times = new double[each.Length][];
            for (var c = 0; c < each.Length; c++)
                times[c] = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                for (var c = 0; c < each.Length; c++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await each[c]();
                    times[c][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
            (double, double) Summary(double[] t)
            {
                Array.Sort(t);
                return (t[(calls - 1) / 2], t[(int)Math.Ceiling(0.95 * calls) - 1]);
            }
            return (Summary(times[0]), Summary(times[1]), Summary(times[2]));
        }
    }
}
