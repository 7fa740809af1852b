using System.Net;
using Microsoft.Extensions.ServiceDiscovery;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace ParPlatform.Gateway.Routing;

/// <summary>
/// Turns a destination such as http://plans into the service's current addresses using
/// Microsoft.Extensions.ServiceDiscovery (services__plans__http__0 and friends), and tells YARP
/// to resolve again when they change.
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var uri = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(destination.Address, cancellationToken);
            changeTokens.Add(source.ChangeToken);
            for (var i = 0; i < source.Endpoints.Count; i++)
            {
                var address = ToUrl(uri.Scheme, source.Endpoints[i].EndPoint);
                resolved[$"{name}[{i}]"] = destination with { Address = address, Host = destination.Host ?? uri.Authority };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    /// <summary>The base URL (no trailing slash) of an endpoint service discovery returned.</summary>
    public static string ToUrl(string scheme, EndPoint endPoint) => endPoint switch
    {
        UriEndPoint uri => uri.Uri.GetLeftPart(UriPartial.Authority),
        IPEndPoint ip => $"{scheme}://{ip}",
        DnsEndPoint dns => $"{scheme}://{dns.Host}:{dns.Port}",
        _ => throw new InvalidOperationException($"Service discovery returned an endpoint the gateway cannot use: {endPoint}"),
    };
}
