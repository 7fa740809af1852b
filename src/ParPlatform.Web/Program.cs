using ParPlatform.ServiceDefaults;
using ParPlatform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebApplication();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWebApplication();
app.Run();
