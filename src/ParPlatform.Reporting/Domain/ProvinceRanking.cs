using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>A unit's row in the province's table: its rank by the chosen rate (none when the rate has nothing to count).</summary>
public sealed record UnitStatisticsRow(int? Rank, string UnitCode, string UnitName, StatisticsRow Statistics);

/// <summary>
/// The province's table: every unit, the ones with a value of the chosen rate first, highest first,
/// equal values sharing a rank (1, 2, 2, 4); then the units without one (nothing to count), by code.
/// </summary>
public static class ProvinceRanking
{
    /// <summary>The rates a province table can be ranked by, by the names the API uses.</summary>
    public static readonly IReadOnlyDictionary<string, Func<DossierRates, Rate>> Rates = new Dictionary<string, Func<DossierRates, Rate>>(StringComparer.Ordinal)
    {
        ["onTime"] = r => r.OnTime,
        ["online"] = r => r.Online,
        ["electronicResult"] = r => r.ElectronicResult,
        ["digitisation"] = r => r.Digitisation,
        ["satisfaction"] = r => r.Satisfaction,
        ["verySatisfied"] = r => r.VerySatisfied,
        ["onlinePayment"] = r => r.OnlinePayment,
        ["apologyCoverage"] = r => r.ApologyCoverage,
    };

    public const string DefaultRate = "onTime";

    public static IReadOnlyList<UnitStatisticsRow> Rank(IEnumerable<(string UnitCode, string UnitName, StatisticsRow Statistics)> units, string rate)
    {
        var rateOf = Rates[rate];
        var measured = units.Select(u => (Unit: u, Percent: rateOf(u.Statistics.Rates).Percent)).ToList();
        var ranked = measured.Where(m => m.Percent is not null)
            .OrderByDescending(m => m.Percent).ThenBy(m => m.Unit.UnitCode, StringComparer.Ordinal).ToList();
        var rows = new List<UnitStatisticsRow>(measured.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Percent == ranked[i - 1].Percent ? rows[i - 1].Rank : i + 1;
            var (code, name, statistics) = ranked[i].Unit;
            rows.Add(new UnitStatisticsRow(rank, code, name, statistics));
        }
        rows.AddRange(measured.Where(m => m.Percent is null).OrderBy(m => m.Unit.UnitCode, StringComparer.Ordinal)
            .Select(m => new UnitStatisticsRow(null, m.Unit.UnitCode, m.Unit.UnitName, m.Unit.Statistics)));
        return rows;
    }
}
