// Finance benchmark (issue 19): the province's finance overview over 150 units, each with a budget of three items (both
// estimates, revised once, and two year-to-date actuals) and a capital plan of two sources × 3 projects disbursed 8 times
// each (target p95 < 100 ms warm), through the gateway next to the same call made to the finance service directly, in the
// same run. PostgreSQL, RabbitMQ, the identity and finance services and the gateway are started with the AppHost's
// resource types by Aspire's orchestrator, as the AppHost starts them.
using System.Globalization;
using Npgsql;
using ParPlatform.Bench;

namespace ParPlatform.Finance.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var units = Calls.Option(args, "units", 150);
        var projects = Calls.Option(args, "projects", 3);
        var disbursements = Calls.Option(args, "disbursements", 8);
        var calls = Calls.Option(args, "calls", 30);
        const string Province = "20";
        const string Unit = "06112"; // Tam Thanh, of the demo data

        await using var platform = new OneServicePlatform("finance", "ParPlatform.Finance");

        Console.WriteLine($"Finance benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores: " +
            $"{units} units × (3 budget items, 2 sources × {projects} projects × {disbursements} disbursements), {calls} calls");
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
            var officer = await Calls.TokenAsync(viaGateway, "tamthanh.canbo");
            var reviewer = await Calls.TokenAsync(viaGateway, "langson.sonoivu");
            // The finance service learns of the demo units from identity's UnitRegistered; the overview lists them too.
            await Calls.WaitForAsync(viaGateway, officer, $"/api/v1/units/{Unit}/finance/autonomy");
            await SeedAsync(db);

            var overview = $"/api/v1/provinces/{Province}/finance/overview?year=2026&asOf=2026-03-05";
            var answer = await Calls.GetAsync(viaGateway, reviewer, overview);
            var rate = answer.GetProperty("capital").GetProperty("rate").GetProperty("text").GetString();
            Console.WriteLine($"The overview lists {answer.GetProperty("units").GetArrayLength()} units in {answer.GetRawText().Length / 1024:N0} KB; " +
                $"the province's disbursement rate {rate}");
            var gatewayView = await Calls.TimeAsync(calls, async () => await Calls.GetAsync(viaGateway, reviewer, overview));
            var directView = await Calls.TimeAsync(calls, async () => await Calls.GetAsync(direct, reviewer, overview));

            Console.WriteLine();
            Console.WriteLine("| measure | result | target | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| province finance overview, {units} units, through the gateway (median, p95 of {calls} warm calls) | {gatewayView.Median:0} ms, {gatewayView.P95:0} ms | p95 < 100 ms | {gatewayView.P95 / 100:0.00} of the budget |");
            Console.WriteLine($"| the same overview from the finance service directly (median, p95) | {directView.Median:0} ms, {directView.P95:0} ms | | gateway ÷ direct = {gatewayView.Median / directView.Median:0.00} |");
        }

        async Task SeedAsync(NpgsqlConnection db)
        {
            // Units 90001… of province 20, each with its 2026 budget and capital plan as the service's own methods write them.
            var synthetic = $"FROM generate_series(1, {units}) u";
            await Calls.ExecuteAsync(db, $"""
                INSERT INTO finance.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at)
                SELECT (90000 + u)::text, '{Province}', 'Đơn vị ' || u, 'Commune', 'Lạng Sơn', now(), now() {synthetic};
                INSERT INTO finance.budgets (id, unit_code, province_code, year) SELECT gen_random_uuid(), (90000 + u)::text, '{Province}', 2026 {synthetic};
                INSERT INTO finance.budget_estimates (id, budget_id, unit_code, province_code, item_code, basis, amount, decided_on, revision, recorded_by, recorded_at)
                SELECT gen_random_uuid(), b.id, b.unit_code, b.province_code, i.code, e.basis, (50000 + r * 1000 + e.extra)::bigint * 1000000,
                  date '2025-12-10' + (r - 1) * 60, r, 'bench', now()
                FROM finance.budgets b, finance.budget_items i, (VALUES ('ProvinceAssigned', 0), ('UnitOwn', 8000)) e(basis, extra), generate_series(1, 2) r
                WHERE b.unit_code LIKE '9%';
                INSERT INTO finance.budget_actuals (id, budget_id, unit_code, province_code, item_code, as_of, amount, recorded_by, recorded_at)
                SELECT gen_random_uuid(), b.id, b.unit_code, b.province_code, i.code, (date '2026-01-31' + (m - 1) * 28), (m * 10000 + length(b.unit_code))::bigint * 1000000,
                  'bench', now()
                FROM finance.budgets b, finance.budget_items i, generate_series(1, 2) m WHERE b.unit_code LIKE '9%';
                INSERT INTO finance.capital_plans (id, unit_code, province_code, year, set_by, set_at, changed_at)
                SELECT gen_random_uuid(), (90000 + u)::text, '{Province}', 2026, 'bench', now(), now() {synthetic};
                INSERT INTO finance.capital_allocations (id, capital_plan_id, unit_code, province_code, source_code, project, amount)
                SELECT gen_random_uuid(), p.id, p.unit_code, p.province_code, s.code, 'Dự án ' || k, (1000 + k * 100)::bigint * 1000000
                FROM finance.capital_plans p, (VALUES ('nstw'), ('nsdp')) s(code), generate_series(1, {projects}) k WHERE p.unit_code LIKE '9%';
                INSERT INTO finance.disbursements (id, capital_plan_id, unit_code, province_code, date, source_code, project, amount, recorded_by, recorded_at)
                SELECT gen_random_uuid(), a.capital_plan_id, a.unit_code, a.province_code, date '2026-01-05' + d * 7, a.source_code, a.project,
                  a.amount / 20, 'bench', now()
                FROM finance.capital_allocations a, generate_series(1, {disbursements}) d WHERE a.unit_code LIKE '9%';
                ANALYZE finance.known_units; ANALYZE finance.budgets; ANALYZE finance.budget_estimates; ANALYZE finance.budget_actuals;
                ANALYZE finance.capital_plans; ANALYZE finance.capital_allocations; ANALYZE finance.disbursements;
                """);
        }
    }
}
