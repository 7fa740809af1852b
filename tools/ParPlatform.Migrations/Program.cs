// Scaffolds an EF Core migration for one service, as `dotnet ef migrations add` would
// (that tool is not on the package source):
//   dotnet run --project tools/ParPlatform.Migrations -- <service> <MigrationName>
// e.g. `-- dossiers AddDossiers` writes src/ParPlatform.Dossiers/Data/Migrations/<timestamp>_AddDossiers.cs
// and updates the model snapshot. No database is contacted.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using ParPlatform.ServiceDefaults;

var contexts = new Dictionary<string, (Type Context, string Schema)>
{
    ["identity"] = (typeof(ParPlatform.Identity.Data.IdentityDbContext), ParPlatform.Identity.Data.IdentityDbContext.Schema),
    ["plans"] = (typeof(ParPlatform.Plans.Data.PlansDbContext), ParPlatform.Plans.Data.PlansDbContext.Schema),
    ["dossiers"] = (typeof(ParPlatform.Dossiers.Data.DossiersDbContext), ParPlatform.Dossiers.Data.DossiersDbContext.Schema),
    ["finance"] = (typeof(ParPlatform.Finance.Data.FinanceDbContext), ParPlatform.Finance.Data.FinanceDbContext.Schema),
    ["staffing"] = (typeof(ParPlatform.Staffing.Data.StaffingDbContext), ParPlatform.Staffing.Data.StaffingDbContext.Schema),
    ["reporting"] = (typeof(ParPlatform.Reporting.Data.ReportingDbContext), ParPlatform.Reporting.Data.ReportingDbContext.Schema),
};

if (args.Length != 2 || !contexts.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: dotnet run --project tools/ParPlatform.Migrations -- <{string.Join('|', contexts.Keys)}> <MigrationName>");
    return 2;
}

var repositoryRoot = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(a => a.Key == "ParPlatform.RepositoryRoot").Value!;
var assemblyName = target.Context.Assembly.GetName().Name!;
var projectDirectory = Path.Combine(repositoryRoot, "src", assemblyName);

await using var dataSource = NpgsqlDataSource.Create("Host=localhost;Database=design-time");
var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(target.Context))!;
options.UseServiceDatabase(dataSource, target.Schema);
await using var context = (DbContext)Activator.CreateInstance(target.Context, options.Options)!;

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // Npgsql's design-time services are what `dotnet ef` itself would load.
new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
await using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[1], assemblyName, "Data.Migrations", "C#", dryRun: false);
var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Data", "Migrations"), dryRun: false);
Console.WriteLine($"wrote {Path.GetRelativePath(repositoryRoot, files.MigrationFile!)}");
Console.WriteLine($"updated {Path.GetRelativePath(repositoryRoot, files.SnapshotFile!)}");
return 0;
