using System.Net;
using System.Net.Sockets;

namespace ParPlatform.Hosting.Processes;

/// <summary>Loopback TCP ports: a free one for a resource, or a check that a fixed one is free.</summary>
public static class Ports
{
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static void EnsureFree(int port, string owner, string howToChange)
    {
        if (!IsFree(port))
        {
            throw new InvalidOperationException(
                $"Port {port} for {owner} is already in use by another process. " +
                $"Find it with `ss -ltnp 'sport = :{port}'` and stop it, or {howToChange}.");
        }
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
