using ParPlatform.Dossiers;
using ParPlatform.Dossiers.Apis;
using ParPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDossiersServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDossiersApi();
app.Run();
