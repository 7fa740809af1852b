using Microsoft.Extensions.Configuration;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Projects;

var builder = PlatformBuilder.Create(args);

var postgres = builder.AddPostgres("postgres");
var messaging = builder.AddRabbitMQ("messaging");

// Every service owns its database and talks to the others over the broker.
ProjectResource AddService(string name, string projectName, string database)
{
    var db = postgres.AddDatabase(database);
    return builder.AddProject(name, projectName).WithReference(db).WaitFor(db).WithReference(messaging).WaitFor(messaging);
}

var identity = AddService("identity", "ParPlatform.Identity", "identitydb");
var plans = AddService("plans", "ParPlatform.Plans", "plansdb");
var dossiers = AddService("dossiers", "ParPlatform.Dossiers", "dossiersdb");
var finance = AddService("finance", "ParPlatform.Finance", "financedb");
var staffing = AddService("staffing", "ParPlatform.Staffing", "staffingdb");
var reporting = AddService("reporting", "ParPlatform.Reporting", "reportingdb");

builder.AddProject("gateway", "ParPlatform.Gateway")
    .WithHttpEndpoint(builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithReference(identity).WaitFor(identity)
    .WithReference(plans).WaitFor(plans)
    .WithReference(dossiers).WaitFor(dossiers)
    .WithReference(finance).WaitFor(finance)
    .WithReference(staffing).WaitFor(staffing)
    .WithReference(reporting).WaitFor(reporting);

return await builder.Build().RunAsync();
