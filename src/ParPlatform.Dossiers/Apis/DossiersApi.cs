using ParPlatform.Dossiers.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers.Apis;

public static class DossiersApi
{
    public static void MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units/{unitCode}/dossiers");
        group.MapServiceStatus<DossiersDbContext>("dossiers");
        app.MapProceduresApi();
    }
}
