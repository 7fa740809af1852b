namespace ParPlatform.Messaging.Inbox;

/// <summary>An event a consumer has applied; written in the same transaction as the effect.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}
