using System.Diagnostics;

namespace ParPlatform.Messaging;

/// <summary>
/// The spans messaging adds (the outbox's publish and the inbox's consume, each continuing the producer's trace) and
/// its meter (consumer queues, error queues, the outbox's backlog); ServiceDefaults exports both.
/// </summary>
internal static class Telemetry
{
    public const string MeterName = "ParPlatform.Messaging";

    public static readonly ActivitySource ActivitySource = new("ParPlatform.Messaging");
}
