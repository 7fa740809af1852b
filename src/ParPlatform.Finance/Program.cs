using ParPlatform.Finance;
using ParPlatform.Finance.Apis;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument();
builder.AddFinanceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.UseTenantAccess();
app.MapFinanceApi();
app.Run();

/// <summary>Entry point, visible to the service tests (WebApplicationFactory).</summary>
public partial class Program;
