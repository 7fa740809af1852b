using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Messaging.Tests;

/// <summary>Which failures of a consumer are its database being away (kept and waited out) and which are the message's own (retried, then error-queued).</summary>
public sealed class TransientFailureTests
{
    public static TheoryData<Exception> DatabaseAway => new()
    {
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new IOException("Unable to read data from the transport connection")),
        Postgres("57P01", "terminating connection due to administrator command"),
        Postgres("57P03", "the database system is starting up"),
        Postgres("08006", "connection failure"),
        Postgres("53300", "sorry, too many clients already"),
        Postgres("40001", "could not serialize access due to concurrent update"),
        Postgres("40P01", "deadlock detected"),
        new DbUpdateException("An error occurred while saving the entity changes.", Postgres("57P01", "terminating connection")),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("timeout", new TimeoutException())),
    };

    public static TheoryData<Exception> TheMessagesOwn => new()
    {
        new InvalidOperationException("Simulated bug"),
        Postgres("23505", "duplicate key value violates unique constraint"),
        Postgres("23503", "insert or update violates foreign key constraint"),
        Postgres("22001", "value too long for type character varying(5)"),
        new DbUpdateException("An error occurred while saving the entity changes.", Postgres("23514", "violates check constraint")),
        new FormatException("The input string was not in a correct format."),
    };

    [Theory]
    [MemberData(nameof(DatabaseAway))]
    public void A_failure_of_the_database_is_waited_out(Exception failure) => Assert.True(TransientFailure.Is(failure), failure.Message);

    [Theory]
    [MemberData(nameof(TheMessagesOwn))]
    public void A_failure_of_the_message_is_not(Exception failure) => Assert.False(TransientFailure.Is(failure), failure.Message);

    private static PostgresException Postgres(string state, string message) => new(message, "FATAL", "FATAL", state);
}
