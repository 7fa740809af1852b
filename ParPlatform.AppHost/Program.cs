using Microsoft.Extensions.Configuration;
using ParPlatform.Hosting;

var builder = PlatformBuilder.Create(args);

var postgres = builder.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var plansDb = postgres.AddDatabase("plansdb");
var dossiersDb = postgres.AddDatabase("dossiersdb");
var financeDb = postgres.AddDatabase("financedb");
var staffingDb = postgres.AddDatabase("staffingdb");
var reportingDb = postgres.AddDatabase("reportingdb");
var messaging = builder.AddRabbitMQ("messaging");

var identity = builder.AddProject("identity", "ParPlatform.Identity").WithReference(identityDb).WaitFor(identityDb).WithReference(messaging).WaitFor(messaging);
var plans = builder.AddProject("plans", "ParPlatform.Plans").WithReference(plansDb).WaitFor(plansDb).WithReference(messaging).WaitFor(messaging);
var dossiers = builder.AddProject("dossiers", "ParPlatform.Dossiers").WithReference(dossiersDb).WaitFor(dossiersDb).WithReference(messaging).WaitFor(messaging);
var finance = builder.AddProject("finance", "ParPlatform.Finance").WithReference(financeDb).WaitFor(financeDb).WithReference(messaging).WaitFor(messaging);
var staffing = builder.AddProject("staffing", "ParPlatform.Staffing").WithReference(staffingDb).WaitFor(staffingDb).WithReference(messaging).WaitFor(messaging);
var reporting = builder.AddProject("reporting", "ParPlatform.Reporting").WithReference(reportingDb).WaitFor(reportingDb).WithReference(messaging).WaitFor(messaging);

builder.AddProject("gateway", "ParPlatform.Gateway")
    .WithHttpEndpoint(builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithReference(identity).WaitFor(identity)
    .WithReference(plans).WaitFor(plans)
    .WithReference(dossiers).WaitFor(dossiers)
    .WithReference(finance).WaitFor(finance)
    .WithReference(staffing).WaitFor(staffing)
    .WithReference(reporting).WaitFor(reporting);

return await builder.Build().RunAsync();
