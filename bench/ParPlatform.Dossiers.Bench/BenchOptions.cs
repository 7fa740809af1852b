using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>The run's sizes, from --name=value arguments; 0 skips a part.</summary>
internal sealed record BenchOptions(
    int Intake, int Clients, int Warmup, int StatementSample, int StatisticsRows, int StatisticsCalls, int ImportRows, int PerDossier)
{
    public const string Usage =
        "options: --intake=20000 --clients=32 --warmup=8000 --statement-sample=5 --statistics-rows=100000 --statistics-calls=30 --import-rows=1000000 --per-dossier=5000";

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["intake"] = 20_000,
            ["clients"] = 32,
            ["warmup"] = 8_000, // each way: the services' JIT settles (tiered compilation of the hot paths) before anything is measured
            ["statement-sample"] = 5,
            ["statistics-rows"] = 100_000,
            ["statistics-calls"] = 30,
            ["import-rows"] = 1_000_000,
            ["per-dossier"] = 5_000,
        };
        foreach (var arg in args)
        {
            var parts = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2) : [];
            if (parts.Length != 2 || !values.ContainsKey(parts[0])
                || !int.TryParse(parts[1].Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"Unknown or malformed argument '{arg}'. {Usage}");
            }
            values[parts[0]] = value;
        }
        var options = new BenchOptions(values["intake"], Math.Max(1, values["clients"]), values["warmup"], values["statement-sample"], values["statistics-rows"],
            Math.Max(1, values["statistics-calls"]), values["import-rows"], values["per-dossier"]);
        return options;
    }
}
