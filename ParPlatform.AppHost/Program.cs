using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Hosting.Services;

var builder = PlatformAppHost.CreateBuilder(args);

// Data of PostgreSQL, RabbitMQ and the identity keys: .parplatform/ in the repository unless --DataDirectory says.
var data = builder.Configuration["DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".parplatform");
var postgres = builder.AddPlatformPostgres("postgres", data);
var messaging = builder.AddPlatformRabbitMQ("messaging", data);

// Tokens are issued for the gateway's public address (--Identity:Issuer=https://… behind a proxy);
// every service checks that issuer.
// When publishing, the issuer is a parameter the operator gives at deployment (identity-issuer).
var gatewayPort = builder.Configuration.GetValue("Gateway:Port", 5080);
var issuer = builder.ExecutionContext.IsPublishMode
    ? ReferenceExpression.Create($"{builder.AddParameter("identity-issuer").Resource}")
    : ReferenceExpression.Create($"{builder.Configuration["Identity:Issuer"] ?? $"http://localhost:{gatewayPort}/"}");
var environment = builder.Environment.EnvironmentName;

// The web application's public address: the identity service sends people back there after signing in and out
// (--Web:Port=N; when publishing, a parameter the operator gives, web-address).
var webPort = builder.Configuration.GetValue("Web:Port", 5090);
var webAddress = builder.ExecutionContext.IsPublishMode
    ? ReferenceExpression.Create($"{builder.AddParameter("web-address").Resource}")
    : ReferenceExpression.Create($"{$"http://localhost:{webPort}"}");

// Every project (the services and the gateway) runs from its build output on the port given (a free one when none),
// checks tokens for the one issuer, is healthy when its /health says so and is started again if it fails.
IResourceBuilder<ProjectResource> AddPlatformProject<TProject>(string name, int? port = null)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
        .FromBuildOutput()
        .WithHttpEndpoint(port: port, isProxied: false)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        .WithEnvironment("DOTNET_ENVIRONMENT", environment)
        .WithEnvironment("Identity__Issuer", issuer)
        .WithRestartOnFailure();

// Every service owns its database (runs as its role, migrates as the database's owner), talks to the
// others over the broker as its own broker account (ConnectionStrings__messaging) and checks tokens against
// the identity service's keys (http://identity/.well-known/jwks).
IResourceBuilder<ProjectResource> AddService<TProject>(string name, string database, bool brokerAdministrator = false)
    where TProject : IProjectMetadata, new()
{
    return AddPlatformProject<TProject>(name)
        .WithServiceDatabase(postgres.AddServiceDatabase(database))
        .WithReference(messaging.AddServiceUser(name, brokerAdministrator), "messaging").WaitFor(messaging);
}

// The token keys are generated once per installation and stay in the data directory; when publishing, they are
// secret parameters the operator gives at deployment (never read, generated or written into the manifest here).
var keys = Path.Combine(data, "identity");
// Identity's broker account is the broker's administrator: it creates each integrator's account and queue.
var identity = AddService<Projects.ParPlatform_Identity>("identity", "identitydb", brokerAdministrator: true);
if (builder.ExecutionContext.IsPublishMode)
{
    identity
        .WithEnvironment("Identity__SigningKey", builder.AddParameter("identity-signing-key", secret: true))
        .WithEnvironment("Identity__EncryptionKey", builder.AddParameter("identity-encryption-key", secret: true));
}
else
{
    identity
        .WithEnvironment("Identity__SigningKey", Secrets.ReadOrCreate(Path.Combine(keys, "signing-key.pem"), Secrets.NewRsaKeyPem))
        .WithEnvironment("Identity__EncryptionKey", Secrets.ReadOrCreate(Path.Combine(keys, "encryption-key"), Secrets.NewKey));
}
identity
    .WithEnvironment("Identity__WebClient__RedirectUris", ReferenceExpression.Create($"{webAddress}/signin-oidc"))
    .WithEnvironment("Identity__WebClient__SignedOutUris", ReferenceExpression.Create($"{webAddress}/signout-callback-oidc"))
    .WithEnvironment("Identity__DemoData", builder.Environment.IsDevelopment() && !builder.ExecutionContext.IsPublishMode ? "true" : "false");
// Its admin API lists and replays the error queues, and gives integrators their broker accounts, through the
// management API of the platform's own broker; an external broker's (or a published container's) administrator
// does both in its own management UI.
if (messaging.Resource is RabbitMQExecutableResource broker)
    identity.WithEnvironment("Messaging__ManagementUrl", broker.Management);
var plans = AddService<Projects.ParPlatform_Plans>("plans", "plansdb").WithReference(identity);
var dossiers = AddService<Projects.ParPlatform_Dossiers>("dossiers", "dossiersdb").WithReference(identity);
var finance = AddService<Projects.ParPlatform_Finance>("finance", "financedb").WithReference(identity);
var staffing = AddService<Projects.ParPlatform_Staffing>("staffing", "staffingdb").WithReference(identity);
var reporting = AddService<Projects.ParPlatform_Reporting>("reporting", "reportingdb").WithReference(identity);

var gateway = AddPlatformProject<Projects.ParPlatform_Gateway>("gateway", gatewayPort)
    .WithExternalHttpEndpoints()
    .WithReference(identity).WaitFor(identity)
    .WithReference(plans).WaitFor(plans)
    .WithReference(dossiers).WaitFor(dossiers)
    .WithReference(finance).WaitFor(finance)
    .WithReference(staffing).WaitFor(staffing)
    .WithReference(reporting).WaitFor(reporting);

// The web application calls the APIs through the gateway; its operators' link opens this dashboard.
var web = AddPlatformProject<Projects.ParPlatform_Web>("web", webPort)
    .WithExternalHttpEndpoints()
    .WithReference(gateway).WaitFor(gateway);
if (!builder.ExecutionContext.IsPublishMode && builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] is { Length: > 0 } dashboard)
    web.WithEnvironment("Web__DashboardUrl", dashboard);

builder.Build().Run();
