using ParPlatform.Reporting;
using ParPlatform.Reporting.Apis;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument();
builder.AddReportingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.UseTenantAccess();
app.MapReportingApi();
app.Run();
