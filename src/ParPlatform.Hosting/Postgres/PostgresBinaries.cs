namespace ParPlatform.Hosting.Postgres;

/// <summary>Finds initdb, postgres and pg_ctl: on PATH first, then the newest /usr/lib/postgresql/*/bin.</summary>
public sealed record PostgresBinaries(string Directory)
{
    private static readonly string[] Required = ["initdb", "postgres", "pg_ctl"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string Postgres => Path.Combine(Directory, "postgres");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public static PostgresBinaries Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var installed = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        var found = path.Concat(installed).FirstOrDefault(dir => Required.All(tool => File.Exists(Path.Combine(dir, tool))));
        return found is null
            ? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, postgres, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. " +
                "Install them with `apt-get install postgresql` (the project needs PostgreSQL 15 or later).")
            : new PostgresBinaries(found);
    }
}
