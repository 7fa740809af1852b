using ParPlatform.Plans;
using ParPlatform.Plans.Apis;
using ParPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlansServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPlansApi();
app.Run();
