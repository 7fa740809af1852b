using System.Net.Sockets;
using Npgsql;

namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// Whether a consumer failed because its database was away (a lost or refused connection, a server
/// shutting down or starting, a timeout, a serialization failure or deadlock), not because of the
/// message: such a message is kept and tried again when the database is back, never error-queued.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when IsTransientState(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                case SocketException or TimeoutException or IOException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Connection exceptions (08), insufficient resources (53), the server shutting down, crashed or
    /// starting (57P01–57P03), system errors (58), serialization failure and deadlock (40001, 40P01).
    /// </summary>
    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "40001" or "40P01"
        || state.StartsWith("58", StringComparison.Ordinal);
}
