using Microsoft.Extensions.Configuration;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.Projects;

var builder = PlatformBuilder.Create(args);

var postgres = builder.AddPostgres("postgres");
var messaging = builder.AddRabbitMQ("messaging");

// Tokens are issued for the gateway's public address (--Identity:Issuer=https://… behind a
// proxy); every service checks that issuer.
var gatewayPort = builder.Configuration.GetValue("Gateway:Port", 5080);
var issuer = builder.Configuration["Identity:Issuer"] ?? $"http://localhost:{gatewayPort}/";

// Every service owns its database, talks to the others over the broker and checks tokens
// against the identity service's keys (http://identity/.well-known/jwks).
ProjectResource AddService(string name, string projectName, string database)
{
    var db = postgres.AddDatabase(database);
    return builder.AddProject(name, projectName).WithReference(db).WaitFor(db).WithReference(messaging).WaitFor(messaging)
        .WithEnvironment("Identity__Issuer", issuer);
}

// The token keys are generated once per installation and stay in the data directory.
var keys = Path.Combine(builder.Options.DataDirectory, "identity");
var identity = AddService("identity", "ParPlatform.Identity", "identitydb")
    .WithEnvironment("Identity__SigningKey", Secrets.ReadOrCreate(Path.Combine(keys, "signing-key.pem"), Secrets.NewRsaKeyPem))
    .WithEnvironment("Identity__EncryptionKey", Secrets.ReadOrCreate(Path.Combine(keys, "encryption-key"), Secrets.NewKey))
    .WithEnvironment("Identity__DemoData", builder.Options.EnvironmentName == "Development" ? "true" : "false");
var plans = AddService("plans", "ParPlatform.Plans", "plansdb").WithReference(identity);
var dossiers = AddService("dossiers", "ParPlatform.Dossiers", "dossiersdb").WithReference(identity);
var finance = AddService("finance", "ParPlatform.Finance", "financedb").WithReference(identity);
var staffing = AddService("staffing", "ParPlatform.Staffing", "staffingdb").WithReference(identity);
var reporting = AddService("reporting", "ParPlatform.Reporting", "reportingdb").WithReference(identity);

builder.AddProject("gateway", "ParPlatform.Gateway")
    .WithHttpEndpoint(gatewayPort)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithReference(identity).WaitFor(identity)
    .WithReference(plans).WaitFor(plans)
    .WithReference(dossiers).WaitFor(dossiers)
    .WithReference(finance).WaitFor(finance)
    .WithReference(staffing).WaitFor(staffing)
    .WithReference(reporting).WaitFor(reporting);

return await builder.Build().RunAsync();
