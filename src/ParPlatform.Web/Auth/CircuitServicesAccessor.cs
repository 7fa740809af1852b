using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ParPlatform.Web.Auth;

/// <summary>
/// The services of the circuit whose event is being handled. An HttpClient's handlers live in a scope of their own, not
/// the circuit's; this is how <see cref="Api.AccessTokenHandler"/> finds the user who made the call.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServicesAccessor.Services"/> to the circuit's while it handles anything that comes in.</summary>
internal sealed class ServicesAccessorCircuitHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
