using ParPlatform.Identity;
using ParPlatform.Identity.Apis;
using ParPlatform.Identity.Registration;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument();
builder.AddIdentityServices();

var app = builder.Build();
if (FirstAdministrator.IsRequested(args))
    return await FirstAdministrator.RunAsync(app.Services, args, Console.Out);
app.MapDefaultEndpoints();
app.MapApiDocument();
app.UseTenantAccess();
app.MapIdentityApi();
app.Run();
return 0;

/// <summary>Entry point, visible to the service tests (WebApplicationFactory).</summary>
public partial class Program;
