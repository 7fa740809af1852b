namespace ParPlatform.Messaging;

/// <summary>The name of the service this process runs (its queues' prefix, its events' source).</summary>
public sealed record MessagingService(string Name);
