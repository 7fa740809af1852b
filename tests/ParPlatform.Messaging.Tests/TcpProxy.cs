using System.Net;
using System.Net.Sockets;

namespace ParPlatform.Messaging.Tests;

/// <summary>
/// A TCP forwarder on a loopback port of its own to a server's port, that a test takes down (the live connections are
/// cut, new ones refused, as when the server stops) and brings back up on the same port.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _live = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public TcpProxy(int target)
    {
        _target = target;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Up();
    }

    public int Port { get; }

    public void Up()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    public async Task DownAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting;
        lock (_live)
        {
            foreach (var client in _live)
                client.Dispose();
            _live.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // taken down
            }
            var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(IPAddress.Loopback, _target);
            }
            catch (SocketException)
            {
                incoming.Dispose();
                outgoing.Dispose();
                continue;
            }
            lock (_live)
                _live.AddRange([incoming, outgoing]);
            _ = PipeAsync(incoming, outgoing);
            _ = PipeAsync(outgoing, incoming);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Cut.
        }
        from.Dispose();
        to.Dispose();
    }

    public async ValueTask DisposeAsync() => await DownAsync();
}
