using ParPlatform.Finance.Apis;
using ParPlatform.Finance.Data;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Finance;

public static class Extensions
{
    public static void AddFinanceServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FinanceDbContext>("financedb", FinanceDbContext.Schema);
        builder.AddMessaging<FinanceDbContext>("messaging", FinanceDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<FinanceDbContext>());
        builder.Services.AddScoped<FinanceStore>();
        builder.Services.AddScoped<AssetStore>();
        builder.Services.AddScoped<ProvinceFinanceQuery>();
    }
}
