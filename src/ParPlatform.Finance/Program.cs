using ParPlatform.Finance;
using ParPlatform.Finance.Apis;
using ParPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFinanceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFinanceApi();
app.Run();
