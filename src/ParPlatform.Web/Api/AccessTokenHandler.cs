using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;
using ParPlatform.Web.Auth;

namespace ParPlatform.Web.Api;

/// <summary>Sends every API call with the access token of the person whose circuit makes it, from their server-side session.</summary>
internal sealed class AccessTokenHandler(CircuitServicesAccessor circuit, SessionTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var services = circuit.Services ?? throw new InvalidOperationException("The APIs are called from a person's circuit only.");
        var state = await services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(state.User, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
