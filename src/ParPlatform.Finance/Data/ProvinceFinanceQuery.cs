using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Contracts.Finance;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Data;

/// <summary>A unit's budget item in the province's overview: the estimates in force and the latest actual, each null when there is none.</summary>
public sealed record UnitItemFigures(string UnitCode, string ItemCode, Money? ProvinceEstimate, Money? OwnEstimate, Money? Actual, DateOnly? ActualAsOf);

/// <summary>A unit's funding source in the province's overview: planned, and disbursed by the date.</summary>
public sealed record UnitSourceFigures(string UnitCode, string SourceCode, Money Planned, Money Disbursed);

/// <summary>
/// The figures of every unit of a province for its finance overview, computed by PostgreSQL in one round trip instead of
/// loading every estimate, actual and disbursement (the finance benchmark: 3 of the budget loading them over 150 units).
/// The rules are the domain's, in SQL: an estimate in force is the last revision decided by the date
/// (<c>Budget.EstimateInForce</c>), the actual the latest accumulated to the date (<c>Budget.ActualAsOf</c>), an item is
/// listed when the budget has any estimate or actual of it (<c>BudgetReport.From</c>), and a source's disbursed amount
/// is the sum of its disbursements dated by then (<c>CapitalPlan.Disbursed</c>); the overview tests hold each unit's row
/// equal to the unit's own budget and capital plan.
/// </summary>
public sealed class ProvinceFinanceQuery(FinanceDbContext db)
{
    private const string ItemsSql = """
        SELECT b.unit_code, x.item_code,
          (SELECT e.amount FROM finance.budget_estimates e
            WHERE e.budget_id = b.id AND e.item_code = x.item_code AND e.basis = $4 AND e.decided_on <= $3 ORDER BY e.revision DESC LIMIT 1),
          (SELECT e.amount FROM finance.budget_estimates e
            WHERE e.budget_id = b.id AND e.item_code = x.item_code AND e.basis = $5 AND e.decided_on <= $3 ORDER BY e.revision DESC LIMIT 1),
          a.amount, a.as_of
        FROM finance.budgets b
        CROSS JOIN LATERAL (SELECT item_code FROM finance.budget_estimates WHERE budget_id = b.id
                            UNION SELECT item_code FROM finance.budget_actuals WHERE budget_id = b.id) x
        LEFT JOIN LATERAL (SELECT y.amount, y.as_of FROM finance.budget_actuals y
                           WHERE y.budget_id = b.id AND y.item_code = x.item_code AND y.as_of <= $3 ORDER BY y.as_of DESC LIMIT 1) a ON true
        WHERE b.province_code = $1 AND b.year = $2
        """;

    private const string SourcesSql = """
        SELECT p.unit_code, a.source_code, sum(a.amount)::bigint,
          coalesce((SELECT sum(d.amount) FROM finance.disbursements d
                    WHERE d.capital_plan_id = p.id AND d.source_code = a.source_code AND d.date <= $3), 0)::bigint
        FROM finance.capital_plans p
        JOIN finance.capital_allocations a ON a.capital_plan_id = p.id
        WHERE p.province_code = $1 AND p.year = $2
        GROUP BY p.id, p.unit_code, a.source_code
        """;

    public async Task<(List<UnitItemFigures> Items, List<UnitSourceFigures> Sources)> RunAsync(
        string provinceCode, int year, DateOnly budgetAsOf, DateOnly capitalAsOf, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(ItemsSql)
                    {
                        Parameters =
                        {
                            new() { Value = provinceCode }, new() { Value = year }, new() { Value = budgetAsOf },
                            new() { Value = nameof(EstimateBasis.ProvinceAssigned) }, new() { Value = nameof(EstimateBasis.UnitOwn) },
                        },
                    },
                    new NpgsqlBatchCommand(SourcesSql)
                    {
                        Parameters = { new() { Value = provinceCode }, new() { Value = year }, new() { Value = capitalAsOf } },
                    },
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var items = new List<UnitItemFigures>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new UnitItemFigures(reader.GetString(0), reader.GetString(1), MoneyAt(reader, 2), MoneyAt(reader, 3), MoneyAt(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
            }
            await reader.NextResultAsync(cancellationToken);
            var sources = new List<UnitSourceFigures>();
            while (await reader.ReadAsync(cancellationToken))
                sources.Add(new UnitSourceFigures(reader.GetString(0), reader.GetString(1), new Money(reader.GetInt64(2)), new Money(reader.GetInt64(3))));
            return (items, sources);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Money? MoneyAt(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : new Money(reader.GetInt64(column));
}
