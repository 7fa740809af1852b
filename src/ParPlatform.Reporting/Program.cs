using ParPlatform.Reporting;
using ParPlatform.Reporting.Apis;
using ParPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingApi();
app.Run();
