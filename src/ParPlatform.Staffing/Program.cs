using ParPlatform.Staffing;
using ParPlatform.Staffing.Apis;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument();
builder.AddStaffingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.UseTenantAccess();
app.MapStaffingApi();
app.Run();

/// <summary>Entry point, visible to the service tests (WebApplicationFactory).</summary>
public partial class Program;
