using ParPlatform.Staffing;
using ParPlatform.Staffing.Apis;
using ParPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStaffingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStaffingApi();
app.Run();
